# An LSTM that reads 12 samples of a sine wave and predicts the next one: 50 windows cut from the wave,
# nn.LSTM with batch_first=True, a Linear head on the last hidden state, MSELoss and Adam.
import math

import torch
from torch import nn

torch.manual_seed(0)

t = torch.arange(0, 120, dtype=torch.float32) * 0.25
wave = torch.sin(t)
window = 12
starts = range(0, 100, 2)
X = torch.stack([wave[i:i + window] for i in starts]).unsqueeze(-1)  # (50, 12, 1): batch, time, feature
y = torch.stack([wave[i + window] for i in starts]).unsqueeze(-1)    # (50, 1): the value after each window


class SineLSTM(nn.Module):
    def __init__(self, hidden=16):
        super().__init__()
        self.lstm = nn.LSTM(input_size=1, hidden_size=hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        out, (h_n, c_n) = self.lstm(x)
        return self.head(out[:, -1])


model = SineLSTM()
print(model)
print("parameters:", [name for name, _ in model.named_parameters()])
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
loss_fn = nn.MSELoss()

for epoch in range(1, 61):
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    if epoch % 10 == 0:
        print(f"epoch {epoch:2d}  loss {loss.item():.4f}")

with torch.no_grad():
    start = 3.0
    seq = torch.sin(start + torch.arange(window) * 0.25).reshape(1, window, 1)
    guess = model(seq).item()
    print(f"next value: predicted {guess:.3f}, true {math.sin(start + window * 0.25):.3f}")
