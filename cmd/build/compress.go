package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// compressible are the files worth serving compressed.
var compressible = []string{".wasm", ".js", ".css", ".html", ".webmanifest", ".svg", ".json"}

// precompress writes a .gz and a .br beside every compressible file, for
// servers (ours among them) that serve precompressed files.
func precompress(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !hasSuffix(path, compressible) {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		gz, err := gzipBytes(b)
		if err != nil {
			return err
		}
		if err := os.WriteFile(path+".gz", gz, 0o644); err != nil {
			return err
		}
		br, err := brotliCached(b)
		if err != nil {
			return err
		}
		return os.WriteFile(path+".br", br, 0o644)
	})
}

func hasSuffix(path string, suffixes []string) bool {
	for _, s := range suffixes {
		if strings.HasSuffix(path, s) {
			return true
		}
	}
	return false
}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	err := w.Close()
	return buf.Bytes(), err
}

// brotliCached compresses at brotli's best level, which takes about 20 s
// for the wasm, so results are kept in the user's cache by content hash:
// a rebuild of unchanged code does not pay again.
func brotliCached(b []byte) ([]byte, error) {
	sum := sha256.Sum256(b)
	var cacheFile string
	if dir, err := os.UserCacheDir(); err == nil {
		cacheFile = filepath.Join(dir, "passline", "brotli", hex.EncodeToString(sum[:])+".br")
		if out, err := os.ReadFile(cacheFile); err == nil {
			return out, nil
		}
	}
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	if cacheFile != "" && os.MkdirAll(filepath.Dir(cacheFile), 0o755) == nil {
		_ = os.WriteFile(cacheFile, buf.Bytes(), 0o644) // a cache: failing to write it is harmless
	}
	return buf.Bytes(), nil
}

func wasmSizes(dir string) (Sizes, error) {
	var s Sizes
	for _, f := range []struct {
		name string
		size *int64
	}{{"app.wasm", &s.Raw}, {"app.wasm.gz", &s.Gzip}, {"app.wasm.br", &s.Brotli}} {
		info, err := os.Stat(filepath.Join(dir, "web", f.name))
		if err != nil {
			return s, err
		}
		*f.size = info.Size()
	}
	return s, nil
}
