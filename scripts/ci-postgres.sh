#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster and makes the test role and database (idempotent).
set -euo pipefail
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$ver main"; then
  pg_createcluster "$ver" main >/dev/null
fi
pg_ctlcluster "$ver" main start 2>/dev/null || true
for i in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
psql_su() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -c \"$1\""; }
[ "$(psql_su "select 1 from pg_roles where rolname='bianmin'")" = "1" ] || psql_su "create role bianmin login password 'bianmin' createdb"
[ "$(psql_su "select 1 from pg_database where datname='bianmin_test'")" = "1" ] || psql_su "create database bianmin_test owner bianmin"
echo "PostgreSQL $ver ready on 127.0.0.1:5432"
