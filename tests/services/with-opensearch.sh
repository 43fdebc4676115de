#!/usr/bin/env bash
# Runs a command with a throwaway single-node OpenSearch 2.19 (built from Maven Central by tests/services/opensearch-node)
# and PORTAL_TEST_OPENSEARCH_URL pointing at it; the node is stopped and removed afterwards. Without Java 17+ and Maven
# the command runs without it (its OpenSearch tests skip with a reason), unless PORTAL_REQUIRE_SERVICES=1 (CI).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
project="$here/opensearch-node"

if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  if [ "${PORTAL_REQUIRE_SERVICES:-}" = "1" ]; then
    echo "with-opensearch: Java and Maven are required in CI to start the OpenSearch test node" >&2
    exit 1
  fi
  echo "with-opensearch: no Java/Maven: running without OpenSearch (its tests will skip)"
  exec "$@"
fi

jar="$project/target/opensearch-test-node-1.0.jar"
if [ ! -f "$jar" ] || [ "$project/pom.xml" -nt "$jar" ] || [ -n "$(find "$project/src" -newer "$jar" -type f)" ]; then
  echo "with-opensearch: building the OpenSearch test node (Maven)"
  (cd "$project" && rm -rf target/lib && mvn -q -B package dependency:copy-dependencies -DoutputDirectory=target/lib)
fi

home=$(mktemp -d /tmp/gode-historier-opensearch.XXXXXX)
java -Xms256m -Xmx512m -cp "$jar:$project/target/lib/*" dk.godehistorier.TestNode "$home" 0 >"$home/node.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT

for _ in $(seq 1 120); do
  [ -s "$home/logs/http.ports" ] && break
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "with-opensearch: the node did not start:" >&2
    tail -n 30 "$home/node.log" >&2
    exit 1
  fi
  sleep 0.5
done
address=$(head -n 1 "$home/logs/http.ports")
export PORTAL_TEST_OPENSEARCH_URL="http://$address"
for _ in $(seq 1 60); do
  curl -fsS "$PORTAL_TEST_OPENSEARCH_URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1 && break
  sleep 0.5
done
echo "with-opensearch: OpenSearch 2.19 on $PORTAL_TEST_OPENSEARCH_URL"
"$@"
