"""One settings object, read from ``REELFORGE_*`` environment variables (and ``.env``).

Built once at start-up (``Settings()``) and passed down; nothing reads the
environment anywhere else. Every field is documented in docs/configuration.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from platformdirs import user_data_path
from pydantic import BaseModel, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

__all__ = ["MEMORY_SETTINGS", "SPEED_PRESETS", "LoraSpec", "MemorySetting", "Settings", "SpeedPreset"]

# The speed presets and memory settings of the diffusers backend (docs/models.md says what each
# does per family); owned here because Settings validates them and generate/ imports them.
SpeedPreset = Literal["quality", "balanced", "fast"]
SPEED_PRESETS: tuple[SpeedPreset, ...] = ("quality", "balanced", "fast")
MemorySetting = Literal["default", "fp8", "group_offload", "fp8_group_offload", "torchao_fp8"]
MEMORY_SETTINGS: tuple[MemorySetting, ...] = ("default", "fp8", "group_offload", "fp8_group_offload", "torchao_fp8")


class LoraSpec(BaseModel):
    """One named LoRA of ``REELFORGE_LORAS``: its file, default scale and where it goes."""

    path: Path
    scale: float = 1.0
    expert: Literal["high", "low", "both"] = Field(
        "both", description="Wan 2.2 A14B: the high-noise expert (transformer), the low-noise one "
                            "(transformer_2) or both; other families have one transformer.")
    fast: bool = Field(False, description="A few-step distillation LoRA (LightX2V, Lightning): the `fast` "
                                          "preset applies it to the family it was made for.")
    family: str | None = Field(None, description="The family it was trained for (wan, wan22_a14b, ltx2...); "
                                                 "None = any.")


def _default_data_dir() -> Path:
    return user_data_path("reelforge", appauthor=False)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="REELFORGE_", env_file=".env", extra="ignore")

    # -- storage ---------------------------------------------------------------
    data_dir: Path = Field(default_factory=_default_data_dir,
                           description="Where media, renders and the SQLite database live.")
    database_url: str | None = Field(None, description="SQLAlchemy URL; default SQLite (WAL) in data_dir.")
    storage: Literal["local", "s3"] = "local"
    s3_bucket: str | None = None
    s3_endpoint_url: str | None = None
    s3_prefix: str = "reelforge/"
    s3_cache_max_mb: int = Field(10240, ge=0, description="Size bound of each machine's S3 read cache "
                                 "(least recently used files go first); 0 = unbounded.")

    # -- server ----------------------------------------------------------------
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str | None = Field(None, description="Base URL used in links; default http://host:port.")
    secret_key: SecretStr | None = Field(None, description="Signs download links; generated once into data_dir.")
    apps: list[str] = Field(default_factory=lambda: ["nemo_agent", "reelforge"])
    signed_url_ttl_s: int = 24 * 3600
    upload_limit_bytes: int = 200 * 1024 * 1024
    url_fetch_timeout_s: float = 30.0
    rate_limit: str = "120/minute"
    anonymous_credits: int = 100
    anonymous_token_days: int = 7
    anonymous_export: bool = True
    owner_studio: bool = Field(True, description="A local install has an owner: the studio opened from loopback "
                               "(or `trusted_networks`) opens the owner's account, with no anonymous limit. A request "
                               "a proxy forwarded (X-Forwarded-For, Forwarded, X-Real-IP) never counts as local.")
    trusted_networks: list[str] = Field(default_factory=list, description="Networks whose browsers are the owner "
                                        "too, as CIDRs: [\"192.168.1.0/24\"].")
    owner_credits: int = Field(100_000, description="Credits the owner's account starts with.")
    require_attribution: bool = True
    credits_per_second: int = 1
    heartbeat_s: float = 10.0
    workers: int = 2
    queue: Literal["embedded", "celery"] = "embedded"
    redis_url: str = "redis://127.0.0.1:6379/0"
    celery_queue_name: str = Field("reelforge", description="The Celery (Redis) queue the server sends jobs to "
                                   "and the workers consume.")
    job_heartbeat_s: float = Field(5.0, description="How often workers stamp their running jobs.")
    job_stale_s: float = Field(30.0, description="A running job without a heartbeat this long is re-queued.")
    job_max_attempts: int = Field(3, description="Runs of one job (crash recoveries included) before it fails.")
    job_resend_s: float = Field(60.0, description="A queued job no worker claimed this long is sent to the "
                                "workers again, once per interval (a broker restarted without persistence).")
    worker_kinds: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Job kinds a worker takes (generate, render, song); empty = all.")
    worker_models: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Models a worker generates with (preview, a model directory or id); "
        "empty = the configured model. Comma-separated in the environment.")
    drain_s: float = Field(60.0, description="On SIGTERM a worker finishes its running job within this long, "
                           "else hands it back to the queue.")
    metrics_port: int = Field(9400, ge=0, description="A worker's /metrics port (0 = none); with --gpus, "
                              "child N listens on metrics_port + N.")
    worker_name: str | None = Field(None, description="A worker's name in logs and metrics (`--gpus` sets gpu0, "
                                    "gpu1...).")
    gpus: str | None = Field(None, description="The GPU indices `worker --gpus all` means (comma-separated); "
                             "default: those nvidia-smi lists.")
    turn_dedupe_s: float = Field(120.0, description="The same message to a session within this window runs once.")
    rate_limit_storage: str = Field("memory://", description="`limits` storage URI (memory://, redis://...).")
    anonymous_token_client_rate: str = "1 per 7 day"
    anonymous_token_address_rate: str = "10 per 7 day"
    url_fetch_max_redirects: int = 5
    auth_cache_s: float = Field(5.0, description="How long a checked token is trusted without a query (0 = never).")

    # -- generation -------------------------------------------------------------
    model: str | None = Field(None, description="A diffusers model directory or id; unset = preview.")
    image_model: str | None = Field(None, description="Image-to-video model (directory or id) for stills "
                                    "when `model` cannot take one (Wan 2.1 T2V, CogVideoX T2V).")
    device: str | None = None
    dtype: Literal["auto", "bfloat16", "float16", "float32"] = "auto"
    cpu_offload: bool = False
    vae_tiling: bool = False
    compile: bool = False
    attention_backend: str | None = None
    step_cache: Literal["off", "first_block", "pab", "faster", "mag"] = "off"
    speed: SpeedPreset = Field("quality", description="quality: the plain call; balanced: step caching (+ "
                               "torch.compile on CUDA); fast: the family's few-step distillation.")
    memory: MemorySetting = Field("default", description="Weight storage and placement: fp8 layerwise "
                                  "casting, leaf-level group offloading (CUDA streams), both, or torchao "
                                  "float8 (the [torchao] extra).")
    gguf: Path | None = Field(None, description="A GGUF single-file transformer used instead of the model "
                              "folder's own (e.g. a Q8_0 Wan 14B).")
    latent_upsample: bool = Field(True, description="LTX-2: when the model folder has its latent upsampler, "
                                  "denoise, upsample the latents x2 and refine at the larger size.")
    text_encoder_cpu: bool = Field(False, description="Keep the text encoder on the CPU (it runs once per "
                                   "prompt): frees its GPU memory for the transformer.")
    loras: dict[str, LoraSpec] = Field(default_factory=dict, description="Named LoRAs, JSON: "
                                       '{"anime": {"path": "/loras/anime.safetensors", "scale": 0.8}}.')
    first_block_threshold: float = Field(0.05, description="First Block Cache's residual threshold (balanced).")
    mag_cache_threshold: float = Field(0.06, gt=0, description="MagCache's accumulated-error threshold (balanced, "
                                       "with a stored calibration: `reelforge models calibrate`).")
    generation_size: str | None = Field(None, pattern=r"^\d{2,5}x\d{2,5}$", description="WIDTHxHEIGHT to "
                                        "generate at instead of the family's trained size (small GPUs, tests).")
    generation_fps: int | None = Field(None, ge=1, le=120, description="Generate at this rate instead of the "
                                       "family's own.")
    max_shot_frames: int | None = Field(None, ge=1, description="Shorter shots than the family's limit.")
    two_stage_chat: bool = True
    color_match: bool = Field(True, description="Colour-match each shot of a long shot to the end of the "
                              "previous one (Lab mean and spread, eased over the first frames).")
    color_match_ease_s: float = Field(0.75, gt=0, description="Seconds over which a join's colour match eases.")
    frame_rate: Literal["interpolate", "native"] = Field(
        "interpolate", description="How model clips reach the delivered rate: motion-compensated "
        "interpolation, or `native` to keep the model's own rate (16/24 fps).")
    rife_model: Path | None = Field(None, description="A RIFE (IFNet) weights file (flownet.pkl); when set, "
                                    "frames are interpolated by it instead of ffmpeg's minterpolate.")
    music_model: str | None = Field(None, description="An ACE-Step 1.5 diffusers folder; unset = the "
                                    "synthesised library only.")

    # -- speech -----------------------------------------------------------------
    tts_model: str | None = Field(None, description="A Kokoro-82M folder (config.json, the .pth weights, "
                                  "voices/*.pt): neural voices; unset = espeak-ng only.")
    voice: str | None = Field(None, description="The default voice id (`reelforge voices`); unset = the "
                              "neural engine's first voice, else en_female / zh_female by the text's language.")

    asr_model: str | None = Field(None, description="A Whisper folder (transformers): captions for the speech "
                                  "in uploaded clips; unset = captions come from narration only.")

    # -- agent ----------------------------------------------------------------
    llm_base_url: str | None = None
    llm_model: str = "qwen2.5:7b-instruct"
    llm_api_key: SecretStr | None = None
    llm_timeout_s: float = 20.0
    # a local planner: with no llm_base_url, an llm_model that is a path (a transformers folder or a .gguf file)
    # runs in this process, constrained to the edit schemas; the rules answer first
    llm_local_timeout_s: float = 10.0
    llm_local_when: Literal["unexplained", "always"] = "unexplained"

    @property
    def local_llm_path(self) -> Path | None:
        """The local planner's model, when ``llm_model`` names one on disk (and no server is configured)."""
        if self.llm_base_url:
            return None
        path = Path(self.llm_model).expanduser()
        return path if (path.is_dir() or path.suffix == ".gguf") and path.exists() else None

    @field_validator("worker_kinds", "worker_models", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "reelforge.db"

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.sqlite_path}"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def renders_dir(self) -> Path:
        return self.data_dir / "renders"
