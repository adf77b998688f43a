"""Helpers for the renderer tests: make drafts, decode frames and sound of an output."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av
import numpy as np

from reelforge.draft.model import Draft


def draft(w: int, h: int, tracks: list[dict[str, Any]], fps: int = 30, bg: str = "#000000") -> Draft:
    return Draft.from_wire({"v": 1, "m": {"w": w, "h": h, "fps": fps, "bg": bg}, "t": tracks})


def video_track(*segments: dict[str, Any], track_id: str = "v1") -> dict[str, Any]:
    return {"id": track_id, "tt": 0, "sg": list(segments)}


def audio_track(*segments: dict[str, Any], track_id: str = "a1") -> dict[str, Any]:
    return {"id": track_id, "tt": 1, "sg": list(segments)}


def text_track(*segments: dict[str, Any], track_id: str = "x1") -> dict[str, Any]:
    return {"id": track_id, "tt": 7, "sg": list(segments)}


def frames_at(path: Path, times_s: list[float]) -> list[np.ndarray]:
    """RGB frames (H, W, 3 uint8) shown at each of ``times_s``, decoded one at a time."""
    wanted = sorted(times_s)
    found: dict[float, np.ndarray] = {}
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        previous = None
        for frame in container.decode(stream):
            t = float(frame.pts * stream.time_base)
            while wanted and t > wanted[0] + 1e-6:
                if previous is not None:
                    found[wanted.pop(0)] = previous
                else:
                    wanted.pop(0)
            if not wanted:
                break
            previous = frame.to_ndarray(format="rgb24")
        for t in wanted:
            found[t] = previous
    return [found[t] for t in times_s]


def audio_samples(path: Path) -> tuple[np.ndarray, int]:
    """All audio as float32 (channels, samples) and its sample rate."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        chunks = [frame.to_ndarray().astype(np.float32) for frame in container.decode(stream)]
        rate = stream.codec_context.sample_rate
        layout = stream.codec_context.layout.nb_channels
    planar = [c if c.shape[0] == layout else c.reshape(-1, layout).T for c in chunks]
    return np.concatenate(planar, axis=1), rate


def rms(samples: np.ndarray, rate: int, start_s: float, end_s: float) -> float:
    window = samples[:, int(start_s * rate):int(end_s * rate)]
    return float(np.sqrt(np.mean(window ** 2)))


def tone_level(samples: np.ndarray, rate: int, start_s: float, end_s: float, hz: float) -> float:
    """Magnitude of one frequency in a window (separates two sine tones in a mix)."""
    window = samples[0, int(start_s * rate):int(end_s * rate)]
    spectrum = np.abs(np.fft.rfft(window * np.hanning(len(window))))
    freqs = np.fft.rfftfreq(len(window), 1 / rate)
    band = (freqs > hz * 0.97) & (freqs < hz * 1.03)
    return float(spectrum[band].max() / len(window))


def stream_info(path: Path) -> dict[str, Any]:
    with av.open(str(path)) as container:
        info: dict[str, Any] = {"format": container.format.name,
                                "duration_s": container.duration / 1e6 if container.duration else None}
        if container.streams.video:
            v = container.streams.video[0]
            info.update(vcodec=v.codec_context.name, width=v.codec_context.width, height=v.codec_context.height,
                        pix_fmt=v.codec_context.format.name if v.codec_context.format else None,
                        profile=v.codec_context.profile,
                        vduration_s=float(v.duration * v.time_base) if v.duration else None)
        if container.streams.audio:
            a = container.streams.audio[0]
            info.update(acodec=a.codec_context.name, rate=a.codec_context.sample_rate,
                        channels=a.codec_context.layout.nb_channels,
                        aduration_s=float(a.duration * a.time_base) if a.duration else None)
    return info
