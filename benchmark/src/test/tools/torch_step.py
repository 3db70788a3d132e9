"""PyTorch-eager reference of TrainingStepBenchmark and SamplerEvalBenchmark (a tool, not part of the build).

The same step as the JMH benchmarks, written directly in PyTorch on the same machine, to compare frameworks:
the SwiGLU MLP of SwiGluMlp (Fourier time features -> Linear -> SiLU -> Linear; input Linear; per block
LayerNorm + time embedding -> Linear(H, 4H) -> halves a * SiLU(b) -> Linear(2H, H), residual; LayerNorm ->
SiLU -> Linear), the flow-matching loss on a batch of 256 gathered from 1,000 points, the NaN check that
reads the loss, AdamW (torch's default implementation) and an EMA of the weights. Quick: d = 64, H = 128,
1 thread; paper: d = 9408, H = 512, 2 threads.

Usage: python torch_step.py quick|paper [seconds] [fused]   (needs torch, e.g. pip install torch)
"fused" runs torch's fused AdamW (one kernel per parameter) instead of its default implementation.
"""
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

SIZES = {"quick": (64, 128, 1), "paper": (9408, 512, 2)}


class SwiGluMlp(nn.Module):
    def __init__(self, d, h, blocks=2, time_features=16):
        super().__init__()
        k = torch.arange(time_features, dtype=torch.float32) / (time_features - 1)
        self.register_buffer("freq", (2 * math.pi * 1000 ** (0.5 * k)).reshape(1, -1))
        self.time_in = nn.Linear(2 * time_features, h)
        self.time_out = nn.Linear(h, h)
        self.input = nn.Linear(d, h)
        self.norms = nn.ModuleList(nn.LayerNorm(h) for _ in range(blocks))
        self.ups = nn.ModuleList(nn.Linear(h, 4 * h) for _ in range(blocks))
        self.downs = nn.ModuleList(nn.Linear(2 * h, h) for _ in range(blocks))
        self.out_norm = nn.LayerNorm(h)
        self.output = nn.Linear(h, d)
        nn.init.zeros_(self.output.weight)

    def forward(self, x, t):
        a = t * self.freq
        e = self.time_out(F.silu(self.time_in(torch.cat([a.sin(), a.cos()], 1))))
        h = self.input(x)
        for norm, up, down in zip(self.norms, self.ups, self.downs):
            u, g = up(norm(h) + e).chunk(2, 1)
            h = h + down(u * F.silu(g))
        return self.output(F.silu(self.out_norm(h)))


def rate(fn, seconds):
    for _ in range(3):
        fn()
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        fn()
        n += 1
    return n / (time.perf_counter() - start)


def main():
    size = sys.argv[1] if len(sys.argv) > 1 else "quick"
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10
    fused = len(sys.argv) > 3 and sys.argv[3] == "fused"
    d, h, threads = SIZES[size]
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    net = SwiGluMlp(d, h)
    ema = [p.detach().clone() for p in net.parameters()]
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=0, fused=fused)
    data = torch.randn(1000, d)

    def step():
        x0 = data[torch.randint(0, 1000, (256,))]
        x1 = torch.randn_like(x0)
        t = torch.rand(256, 1)
        xt = (1 - t) * x0 + t * x1
        loss = (net(xt, t) - (x1 - x0)).square().mean()
        if not math.isfinite(loss.item()):
            raise RuntimeError("loss " + str(loss.item()))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        with torch.no_grad():
            torch._foreach_lerp_(ema, list(net.parameters()), 1 - 0.999)

    x = torch.randn(4000, d)
    t = torch.full((4000, 1), 0.5)

    def evaluate():
        with torch.inference_mode():
            net(x, t)

    print(f"{size}: torch {torch.__version__}, {threads} thread(s), {'fused' if fused else 'default'} AdamW")
    print(f"training step: {rate(step, seconds):.2f} steps/s")
    print(f"sampler evaluation, 4000 points at once: {rate(evaluate, seconds):.3f} /s")


if __name__ == "__main__":
    main()
