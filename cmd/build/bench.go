package main

import "errors"

func bench(site *Site, jsonOut string, logf func(string, ...any)) error {
	return errors.New("not yet")
}
