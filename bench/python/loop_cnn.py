# A step of the size the real-Python backend is for: a small CNN (two convolutions and two linear layers, LeNet's
# shape) on MNIST-sized inputs (minibatches of 64 of 1x28x28), with SGD and momentum. Prints the loop's own time
# per step, last. One thread, as the bench's PyTorch references run: on a machine of two cores, PyTorch's second
# thread shares its core with the host reading the events, and the step's time swings by a fifth run to run.
import time
import torch
import torch.nn as nn

torch.set_num_threads(1)
torch.manual_seed(0)
X = torch.randn(1024, 1, 28, 28)
y = torch.randint(0, 10, (1024,))

model = nn.Sequential(
    nn.Conv2d(1, 8, 5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(8, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(256, 64), nn.ReLU(), nn.Linear(64, 10),
)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
batch = 64
steps = 300
start = time.perf_counter()
for step in range(steps):
    i = (step * batch) % len(X)
    optimizer.zero_grad()
    loss = criterion(model(X[i:i + batch]), y[i:i + batch])
    loss.backward()
    optimizer.step()
print("%.1f us/step" % ((time.perf_counter() - start) / steps * 1e6))
