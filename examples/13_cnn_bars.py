# A small convolutional network learns to tell horizontal bars from vertical ones in noisy 12x12 images.
import torch
from torch import nn
import torch.nn.functional as F

torch.manual_seed(0)


def make_bars(n, size=12):
    """n noisy images, each with one bright bar: label 0 for a horizontal bar, 1 for a vertical one."""
    images = 0.3 * torch.randn(n, 1, size, size)
    labels = torch.randint(0, 2, (n,))
    where = torch.randint(1, size - 1, (n,))
    for i in range(n):
        if labels[i] == 0:
            images[i, 0, int(where[i]), :] += 1.0
        else:
            images[i, 0, :, int(where[i])] += 1.0
    return images, labels


train_x, train_y = make_bars(256)
test_x, test_y = make_bars(64)


class BarNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(4, 8, kernel_size=3, padding=1)
        self.fc = nn.Linear(8 * 3 * 3, 2)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)  # 12x12 -> 6x6
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)  # 6x6 -> 3x3
        return self.fc(torch.flatten(x, 1))


model = BarNet()
print(model)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
loss_fn = nn.CrossEntropyLoss()

for epoch in range(1, 6):
    total, correct = 0.0, 0
    for start in range(0, len(train_x), 32):
        xb, yb = train_x[start:start + 32], train_y[start:start + 32]
        optimizer.zero_grad()
        logits = model(xb)
        loss = loss_fn(logits, yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
        correct += (logits.argmax(1) == yb).sum().item()
    print(f"epoch {epoch}  loss {total / len(train_x):.4f}  train accuracy {correct / len(train_x):.3f}")

with torch.no_grad():
    predicted = model(test_x).argmax(1)
print(f"test accuracy {(predicted == test_y).float().mean().item():.3f}")
print("first test images:", test_y[:8].tolist(), "predicted:", predicted[:8].tolist())
