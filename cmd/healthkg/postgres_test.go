package main

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/lib/pq" // the driver Cayley's postgres store uses
)

// TestPostgresCommands runs the commands on a PostgreSQL store: ingest
// the sample, query it, export it, and check the export equals the bolt
// store's byte for byte.
func TestPostgresCommands(t *testing.T) {
	admin := os.Getenv("HEALTHKG_PG_URL")
	if admin == "" {
		if os.Getenv("HEALTHKG_REQUIRE_TOOLS") == "1" {
			t.Fatal("HEALTHKG_PG_URL is required (run .ci/run)")
		}
		t.Skip("HEALTHKG_PG_URL not set: no PostgreSQL to test against")
	}
	db, err := sql.Open("postgres", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	name := fmt.Sprintf("healthkg_cli_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	defer db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	u, _ := url.Parse(admin)
	u.Path = "/" + name
	pg := u.String()
	sample := "../../internal/sample/kratom-chronic-back-pain.txt"
	if code, out, stderr := runCmd(t, "ingest", "--backend", "postgres", "--db", pg, sample); code != 0 || !strings.Contains(out, "statements") {
		t.Fatalf("ingest: %d %s %s", code, out, stderr)
	}
	if code, out, stderr := runCmd(t, "ingest", "--backend", "postgres", "--db", pg, sample); code != 0 || !strings.Contains(out, "unchanged") {
		t.Errorf("a second ingest should find the article unchanged: %d %s %s", code, out, stderr)
	}
	if code, out, stderr := runCmd(t, "query", "--backend", "postgres", "--db", pg, "acts-on", "mu"); code != 0 || !strings.Contains(out, "mitragynine") {
		t.Errorf("query: %d %s %s", code, out, stderr)
	}
	_, fromPG, stderr := runCmd(t, "export", "--backend", "postgres", "--db", pg, "--format", "nq", "--out", "-")
	bolt := t.TempDir() + "/db"
	if code, _, stderr := runCmd(t, "ingest", "--db", bolt, sample); code != 0 {
		t.Fatal(stderr)
	}
	_, fromBolt, _ := runCmd(t, "export", "--db", bolt, "--format", "nq", "--out", "-")
	if fromPG == "" || fromPG != fromBolt {
		t.Errorf("the PostgreSQL store exports %d bytes, the bolt store %d: they differ (%s)", len(fromPG), len(fromBolt), stderr)
	}
	if code, _, stderr := runCmd(t, "query", "--backend", "postgres", "--db", "/tmp/x", "stats"); code != 2 || !strings.Contains(stderr, "must be a URL") {
		t.Errorf("a path for postgres: %d %q", code, stderr)
	}
}
