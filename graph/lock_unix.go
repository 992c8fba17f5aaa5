//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// probeLock waits until file can be locked exclusively (as Cayley's bolt
// backend will lock it), then releases it. It gives up after timeout with
// an error naming the store. flock locks of separate open files conflict
// even within one process, so a store already open here is seen too.
func probeLock(ctx context.Context, file, store string, timeout time.Duration) error {
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("store %s: %w", store, err)
	}
	defer f.Close()
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			return fmt.Errorf("store %s: lock %s: %w", store, file, err)
		}
		if !time.Now().Before(deadline) {
			return fmt.Errorf("store %s is locked by another process (is a healthkg ingest or serve running?)", store)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(min(50*time.Millisecond, time.Until(deadline)+time.Millisecond)):
		}
	}
}
