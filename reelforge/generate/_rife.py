"""RIFE frame interpolation (IFNet, the 4.6 layout of Practical-RIFE's ``flownet.pkl``), in torch.

torch is imported (and the network's classes defined) only when ``REELFORGE_RIFE_MODEL`` names a
weights file.
Reference: Huang et al., "Real-Time Intermediate Flow Estimation for Video Frame Interpolation",
ECCV 2022, https://github.com/hzwer/Practical-RIFE. Four blocks estimate the flow from the wanted
instant to both frames coarse to fine (1/8, 1/4, 1/2, 1/1 of the size); both frames are warped
there and blended by a learned mask.

The blocks' widths are read from the weights (``block0.conv0.0.0.weight`` is ``[c/2, in, 3, 3]``),
so the released 4.6 model (192/128/96/64 channels) and the tiny random one the tests save load
through the same code.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

from reelforge.errors import InvalidInput

__all__ = ["RifeInterpolator", "build_ifnet", "load_ifnet"]

_BLOCKS = 4
_SCALES = (8, 4, 2, 1)
_PAD = 32                   # two stride-2 convs at 1/8 scale: sizes are padded to a multiple of 32


@functools.cache
def _network() -> SimpleNamespace:
    """The network's classes, defined on first use: torch is imported only when RIFE is configured."""
    import torch
    import torch.nn.functional as F
    from torch import nn

    def conv(in_channels: int, out_channels: int, stride: int = 1) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(in_channels, out_channels, 3, stride, 1), nn.LeakyReLU(0.2, True))

    class ResConv(nn.Module):
        def __init__(self, channels: int) -> None:
            super().__init__()
            self.conv = nn.Conv2d(channels, channels, 3, 1, 1)
            self.beta = nn.Parameter(torch.ones((1, channels, 1, 1)))
            self.relu = nn.LeakyReLU(0.2, True)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.relu(self.conv(x) * self.beta + x)

    class IFBlock(nn.Module):
        """One scale: (frames, instant, mask, flow so far) -> a flow update (4 channels) and a mask update."""

        def __init__(self, in_channels: int, channels: int) -> None:
            super().__init__()
            self.conv0 = nn.Sequential(conv(in_channels, channels // 2, 2), conv(channels // 2, channels, 2))
            self.convblock = nn.Sequential(*[ResConv(channels) for _ in range(8)])
            self.lastconv = nn.Sequential(nn.ConvTranspose2d(channels, 4 * 6, 4, 2, 1), nn.PixelShuffle(2))

        def forward(self, x: torch.Tensor, flow: torch.Tensor | None,
                    scale: int) -> tuple[torch.Tensor, torch.Tensor]:
            x = F.interpolate(x, scale_factor=1 / scale, mode="bilinear", align_corners=False)
            if flow is not None:
                flow = F.interpolate(flow, scale_factor=1 / scale, mode="bilinear", align_corners=False) / scale
                x = torch.cat((x, flow), 1)
            out = self.lastconv(self.convblock(self.conv0(x)))
            out = F.interpolate(out, scale_factor=scale, mode="bilinear", align_corners=False)
            return out[:, :4] * scale, out[:, 4:5]

    def warp(image: torch.Tensor, flow: torch.Tensor) -> torch.Tensor:
        """Backward warp: each output pixel samples ``image`` at its position plus ``flow`` (pixels)."""
        _, _, height, width = image.shape
        ys, xs = torch.meshgrid(torch.linspace(-1, 1, height, device=image.device, dtype=image.dtype),
                                torch.linspace(-1, 1, width, device=image.device, dtype=image.dtype), indexing="ij")
        grid = torch.stack((xs + flow[:, 0] * (2 / max(width - 1, 1)),
                            ys + flow[:, 1] * (2 / max(height - 1, 1))), dim=-1)
        return F.grid_sample(image, grid, mode="bilinear", padding_mode="border", align_corners=True)

    class IFNet(nn.Module):
        """The intermediate-flow network; ``widths`` are the four blocks' channel counts."""

        def __init__(self, widths: tuple[int, int, int, int] = (192, 128, 96, 64)) -> None:
            super().__init__()
            self.block0 = IFBlock(7, widths[0])            # two frames and the instant
            self.block1 = IFBlock(8 + 4, widths[1])        # two warped frames, instant, mask + the flow
            self.block2 = IFBlock(8 + 4, widths[2])
            self.block3 = IFBlock(8 + 4, widths[3])

        def forward(self, first: torch.Tensor, second: torch.Tensor, instant: float) -> torch.Tensor:
            """The frame at ``instant`` (0..1) between ``first`` and ``second`` (N, 3, H, W in 0..1)."""
            time = torch.full_like(first[:, :1], instant)
            flow: torch.Tensor | None = None
            mask = torch.zeros_like(time)
            warped_first, warped_second = first, second
            for block, scale in zip((self.block0, self.block1, self.block2, self.block3), _SCALES, strict=True):
                if flow is None:
                    flow, mask = block(torch.cat((first, second, time), 1), None, scale)
                else:
                    step, mask_step = block(torch.cat((warped_first, warped_second, time, mask), 1), flow, scale)
                    flow, mask = flow + step, mask + mask_step
                warped_first, warped_second = warp(first, flow[:, :2]), warp(second, flow[:, 2:4])
            weight = torch.sigmoid(mask)
            return warped_first * weight + warped_second * (1 - weight)

    return SimpleNamespace(IFNet=IFNet, torch=torch, F=F)


def build_ifnet(widths: tuple[int, int, int, int] = (192, 128, 96, 64)) -> Any:
    """An IFNet (random weights) with the four blocks' channel counts."""
    return _network().IFNet(widths)


def load_ifnet(path: Path) -> Any:
    """An IFNet with the weights in ``path`` (a state dict, DataParallel's ``module.`` prefix allowed)."""
    if not path.is_file():
        raise InvalidInput(f"rife_model: {path} is not a file (a RIFE flownet.pkl)", field="rife_model")
    torch = _network().torch
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except (OSError, RuntimeError, ValueError) as exc:
        raise InvalidInput(f"rife_model: cannot read {path} ({exc})", field="rife_model") from exc
    if not isinstance(state, dict):
        raise InvalidInput(f"rife_model: {path} holds no state dict", field="rife_model")
    state = {str(key).removeprefix("module."): value for key, value in state.items()}
    try:
        widths = tuple(int(state[f"block{i}.conv0.0.0.weight"].shape[0]) * 2 for i in range(_BLOCKS))
        model = build_ifnet(widths)  # type: ignore[arg-type]
        model.load_state_dict(state)
    except (KeyError, RuntimeError) as exc:
        raise InvalidInput(f"rife_model: {path} is not a RIFE 4.6 IFNet ({str(exc)[:200]})",
                           field="rife_model") from exc
    return model.eval()


class RifeInterpolator:
    """Frames at one rate -> frames at another, each new one made by the network (never a copy)."""

    def __init__(self, model: Any, device: Any = "cpu") -> None:
        self._torch, self._functional = _network().torch, _network().F
        self.device = self._torch.device(device)
        self.model = model.to(self.device)

    @classmethod
    def load(cls, path: Path, device: Any = "cpu") -> RifeInterpolator:
        return cls(load_ifnet(path), device)

    def _tensor(self, frame: np.ndarray) -> Any:
        height, width = frame.shape[:2]
        tensor = self._torch.from_numpy(np.ascontiguousarray(frame)).to(self.device).permute(2, 0, 1)[None].float() / 255
        pad_h, pad_w = -height % _PAD, -width % _PAD
        return self._functional.pad(tensor, (0, pad_w, 0, pad_h), mode="replicate") if pad_h or pad_w else tensor

    def interpolate(self, frames: np.ndarray, count: int) -> Iterator[np.ndarray]:
        """``count`` frames spread evenly from the first of ``frames`` to the last (uint8 RGB).

        Spreading to the last source frame (rather than holding it at the end) stretches the
        motion by under one source frame and leaves no repeated frame."""
        height, width = frames.shape[1:3]
        last = len(frames) - 1
        with self._torch.inference_mode():
            for index in range(count):
                position = index * last / max(count - 1, 1)
                before = min(math.floor(position), last)
                instant = position - before
                if instant < 1e-6 or before == last:
                    yield frames[before]
                    continue
                middle = self.model(self._tensor(frames[before]), self._tensor(frames[before + 1]), instant)
                pixels = (middle[0, :, :height, :width].clamp(0, 1) * 255 + 0.5).byte()
                yield pixels.permute(1, 2, 0).cpu().numpy()
