#!/usr/bin/env bash
# Conformance of Sieve's ONNX import against PyTorch on torchvision networks (see torchvision_check.py).
#   scripts/conformance/torchvision.sh CORPUS_DIR [NETWORK ...]
set -euo pipefail
exec /usr/bin/python3 "$(dirname "${BASH_SOURCE[0]}")/torchvision_check.py" "$@"
