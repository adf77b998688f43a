"""reelforge.media: what a media file is (:class:`MediaInfo`) and how to find out (:func:`probe_media`).

Below the renderer, the generators and the jobs: each of them reads files, none of them owns probing.
"""

from reelforge.media._info import MediaInfo, MediaKind, MediaResolver
from reelforge.media.probe import probe_media

__all__ = ["MediaInfo", "MediaKind", "MediaResolver", "probe_media"]
