#!/bin/sh
set -e
echo "waiting for grafana"
