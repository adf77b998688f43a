"""Where speech is, measured from the samples alone (10 ms RMS windows), independently of the engine."""

from __future__ import annotations

import numpy as np


def loud_regions(samples: np.ndarray, sample_rate: int, min_gap_ms: int = 250,
                 floor_db: float = -45.0) -> list[tuple[int, int]]:
    """(start_ms, end_ms) of each stretch of sound, joining those closer than ``min_gap_ms``."""
    window = sample_rate // 100
    frames = len(samples) // window
    rms = np.sqrt(np.mean(np.square(samples[:frames * window].reshape(frames, window).astype(np.float64)), axis=1))
    level = 20 * np.log10(np.maximum(rms, 1e-9))
    loud = level > floor_db
    regions: list[tuple[int, int]] = []
    for index in np.flatnonzero(loud):
        at = int(index) * 10
        if regions and at - regions[-1][1] < min_gap_ms:
            regions[-1] = (regions[-1][0], at + 10)
        else:
            regions.append((at, at + 10))
    return regions
