# 权重衰减 — weight decay, a "Dive into Deep Learning" chapter in the book's own style: d2l's synthetic_data,
# load_array, linreg, squared_loss, sgd and evaluate_loss, with d2l.Animator drawing both losses as training runs.
# 200 features and only 20 training examples: without a penalty the model fits the noise.
import torch
from d2l import torch as d2l

torch.manual_seed(0)

n_train, n_test, num_inputs, batch_size = 20, 100, 200, 5
true_w, true_b = torch.ones((num_inputs, 1)) * 0.01, 0.05
train_data = d2l.synthetic_data(true_w, true_b, n_train)
train_iter = d2l.load_array(train_data, batch_size)
test_data = d2l.synthetic_data(true_w, true_b, n_test)
test_iter = d2l.load_array(test_data, batch_size, is_train=False)


def init_params():
    w = torch.normal(0, 1, size=(num_inputs, 1), requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    return [w, b]


def l2_penalty(w):
    """L2 范数惩罚：权重平方和的一半"""
    return torch.sum(w.pow(2)) / 2


def train(lambd):
    w, b = init_params()
    net, loss = lambda X: d2l.linreg(X, w, b), d2l.squared_loss
    num_epochs, lr = 100, 0.003
    animator = d2l.Animator(xlabel='epochs', ylabel='loss', yscale='log',
                            xlim=[5, num_epochs], legend=['train', 'test'])
    for epoch in range(num_epochs):
        for X, y in train_iter:
            # 损失加上 L2 惩罚项
            l = loss(net(X), y) + lambd * l2_penalty(w)
            l.sum().backward()
            d2l.sgd([w, b], lr, batch_size)
        if (epoch + 1) % 5 == 0:
            animator.add(epoch + 1, (d2l.evaluate_loss(net, train_iter, loss),
                                     d2l.evaluate_loss(net, test_iter, loss)))
    # 只打印三四位有效数字：200 维的矩阵-向量乘积在不同的 BLAS 上末位不同
    print(f'lambda={lambd}: train loss {animator.Y[0][-1]:.3g}, test loss {animator.Y[1][-1]:.3g}')
    print(f'w的L2范数是：{torch.norm(w).item():.4g}')


train(lambd=0)  # 忽略正则化：训练损失下降，测试损失居高不下
train(lambd=3)  # 使用权重衰减
