#!/usr/bin/env bash
# Builds a self-contained gateway for a Raspberry Pi-class gateway (default linux-arm64).
# Usage: deploy/publish.sh [RID] [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
rid="${1:-linux-arm64}"
out="${2:-artifacts/gridedge-$rid}"
dotnet publish src/GridEdge.Host -c Release -r "$rid" --self-contained true -p:PublishSingleFile=true -o "$out"
echo "published to $out (copy it to /opt/gridedge on the gateway, then run deploy/install.sh there)"
