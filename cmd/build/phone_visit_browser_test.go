package main

import (
	"context"
	"testing"
	"time"
)

// TestWasmCrossesOnce: on a first visit over a slow link shared by the
// page and its service worker, the wasm is sent once; the worker's own
// fetch of it is answered from the browser's cache or with a 304. A reload
// sends it not at all.
func TestWasmCrossesOnce(t *testing.T) {
	dir := needBrowser(t)
	// Slow enough that the worker's install starts while the page is still
	// downloading the wasm (about 2 MB at 1 MB/s), fast enough for a test.
	p := PhoneProfile{RTT: 40 * time.Millisecond, BitsPerSec: 8e6, CPUSlowdown: 1}
	s, err := servePhone(dir, "", p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.srv.Close()
	v, err := visitPhone(context.Background(), s, p)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first visit: live after %.0f ms, %d bytes; reload: %.0f ms, %d bytes", v.First.LiveMs, v.First.Bytes, v.Reload.LiveMs, v.Reload.Bytes)
	if v.First.WasmSent != 1 {
		t.Errorf("the wasm crossed the link %d times on a first visit, want once", v.First.WasmSent)
	}
	if v.Reload.WasmSent != 0 {
		t.Errorf("the wasm crossed the link %d times on a reload, want none (the worker's cache)", v.Reload.WasmSent)
	}
}
