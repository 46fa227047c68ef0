#!/usr/bin/env bash
# Installs a published gateway on the target: user, directories, site file, systemd unit.
# Usage (as root, on the gateway): ./install.sh PUBLISHED_DIR [SITE_FILE]
set -euo pipefail
src="${1:?published directory}"
site="${2:-}"
here="$(cd "$(dirname "$0")" && pwd)"
id -u gridedge >/dev/null 2>&1 || useradd --system --home /var/lib/gridedge --shell /usr/sbin/nologin gridedge
install -d -o root -g root /opt/gridedge /etc/gridedge
install -d -o gridedge -g gridedge /var/lib/gridedge
cp -a "$src"/. /opt/gridedge/
if [ -n "$site" ]; then install -m 0644 "$site" /etc/gridedge/site.yaml; fi
[ -f /etc/gridedge/gridedge.env ] || install -m 0600 "$here/gridedge.env.example" /etc/gridedge/gridedge.env
/opt/gridedge/gridedge validate /etc/gridedge/site.yaml
install -m 0644 "$here/gridedge.service" /etc/systemd/system/gridedge.service
systemctl daemon-reload
systemctl enable --now gridedge.service
