package rdfcheck

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// SHACL validates data (.ttl, .nt, .nq, .trig) against shapes with Apache
// Jena's SHACL engine (Debian's jars, run through java). It returns whether
// the data conforms and the engine's text report; when Jena is missing it
// skips the test, or fails it when tools are required.
func SHACL(t testing.TB, shapes, data string) (conforms bool, report string) {
	t.Helper()
	ts := discover()
	if why := ts.missing(toolRiot); why != "" || ts.java == "" {
		if why == "" {
			why = "java with Debian's Jena jars not found"
		}
		reportMissing(t, "jena shacl", why, requireTools())
		t.SkipNow()
	}
	fix, err := jenaXercesFix(t.TempDir())
	if err != nil {
		t.Fatalf("rdfcheck: cannot prepare Jena: %v", err)
	}
	cp := strings.Join(append([]string{fix}, ts.jenaJars...), string(os.PathListSeparator))
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, ts.java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
		"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", cp, "shacl.shacl",
		"validate", "--text", "--shapes="+shapes, "--data="+data)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("rdfcheck: jena shacl: %v\n%s", err, clip(out.String(), 3000))
	}
	report = out.String()
	// Jena exits 0 whatever the result: the text report says "Conforms"
	// when there is no violation
	return strings.Contains(report, "Conforms") && !strings.Contains(report, "sh:Violation") && !strings.Contains(report, "Violation"), report
}
