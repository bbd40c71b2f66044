package app

import (
	"bytes"
	"errors"
	"fmt"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/csv"
	"passline/scoring"
	"passline/state"
)

// readChosenFile reads the file chosen in the file input that fired the
// event, as bytes (so that a Windows-1252 file is not mangled on the way),
// and calls done on the UI goroutine with its name and bytes, or an error.
func readChosenFile(ctx goapp.Context, done func(ctx goapp.Context, name string, b []byte, err error)) {
	input := ctx.JSSrc()
	files := input.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	file := files.Index(0)
	name, size := file.Get("name").String(), file.Get("size").Int()
	input.Set("value", "") // choosing the same file again fires again
	if err := state.TooBig(name, size); err != nil {
		done(ctx, name, nil, err)
		return
	}
	var onLoad, onFail goapp.Func
	release := func() { onLoad.Release(); onFail.Release() }
	onLoad = goapp.FuncOf(func(this goapp.Value, args []goapp.Value) any {
		bytes := goapp.Window().Get("Uint8Array").New(args[0])
		b := make([]byte, bytes.Length())
		goapp.CopyBytesToGo(b, bytes)
		ctx.Dispatch(func(ctx goapp.Context) { done(ctx, name, b, nil) })
		release()
		return nil
	})
	onFail = goapp.FuncOf(func(this goapp.Value, args []goapp.Value) any {
		ctx.Dispatch(func(ctx goapp.Context) { done(ctx, name, nil, fmt.Errorf("%s could not be read", name)) })
		release()
		return nil
	})
	file.Call("arrayBuffer").Call("then", onLoad, onFail)
}

// download saves content as a file named name, through a temporary link.
func download(name, mime string, content []byte) {
	data := goapp.Window().Get("Uint8Array").New(len(content))
	goapp.CopyBytesToJS(data, content)
	parts := goapp.Window().Get("Array").New()
	parts.Call("push", data)
	options := goapp.Window().Get("Object").New()
	options.Set("type", mime)
	blob := goapp.Window().Get("Blob").New(parts, options)
	url := goapp.Window().Get("URL").Call("createObjectURL", blob)
	a := goapp.Window().Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	goapp.Window().Get("document").Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	// Revoked at once, the URL would cancel the download: a minute later.
	var revoke goapp.Func
	revoke = goapp.FuncOf(func(this goapp.Value, args []goapp.Value) any {
		goapp.Window().Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	goapp.Window().Call("setTimeout", revoke, 60_000)
}

// onFile reads the chosen file and sends the message made from its text;
// loaded says what it loaded. A file that cannot be read is an error in area.
func (c *Calculator) onFile(area string, msg func(name, text string) state.Msg, loaded func(name string) string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		c.do("reading the file", func() {
			readChosenFile(ctx, func(ctx goapp.Context, name string, b []byte, err error) {
				c.do("loading "+name, func() {
					if err != nil {
						c.errs.set(area, err.Error())
						return
					}
					text, what := scoring.DecodeText(b), name
					if area == "data" {
						what = "" // counted in rows
						c.newRead()
					}
					c.readShowingProgress(what, text, func() {
						if c.send(area, msg(name, text)) {
							c.loaded = loaded(name)
						}
					})
				})
			})
		})
	}
}

// exportResults downloads every agent's scored months as the results CSV.
func (c *Calculator) exportResults() {
	c.do("exporting the results", func() {
		sc := c.view.Scorecard
		var b bytes.Buffer
		if err := csv.WriteResults(&b, sc, sc.ScoreData(c.view.Data)); err != nil {
			c.errs.set("export", err.Error())
			return
		}
		download("passline-results.csv", "text/csv;charset=utf-8", b.Bytes())
	})
}

// datesAsked is a sheet whose dates read either way, and its text, read
// again once the user says which (SPEC section 8).
type datesAsked struct {
	amb  *scoring.AmbiguousDates
	text string
}

// pendingSheet is a sheet refused for want of a month column, kept so
// that the user can say which column is the month (SPEC section 9: the
// mapping is always offered): its text, and what each header was read as.
type pendingSheet struct {
	text    string
	columns []scoring.ColumnUse
}

// newRead starts a read of data: the messages of the last one go.
func (c *Calculator) newRead() {
	c.loaded, c.dates, c.refused, c.pending = "", nil, false, nil
	c.errs.set("data", "")
	c.errs.set("columns", "")
}

// noteRead notes how a read of data went: a refusal stands alone, and an
// ambiguous sheet's dates are asked about.
func (c *Calculator) noteRead(msg state.Msg, err error) {
	switch msg := msg.(type) {
	case state.SetData:
		c.refused = err != nil
		var amb *scoring.AmbiguousDates
		if errors.As(err, &amb) {
			c.dates = &datesAsked{amb: amb, text: msg.Text}
		}
		c.notePending(msg.Text, err)
	case state.SetColumn:
		if msg.Text != "" {
			c.refused = err != nil
			c.notePending(msg.Text, err)
		}
	case state.SetDates:
		c.refused = err != nil
		if err == nil {
			c.dates = nil
		}
	}
}

// notePending keeps a sheet refused for want of its month column, with
// its headers, or lets it go once read.
func (c *Calculator) notePending(text string, err error) {
	var nm *scoring.NoMonthColumn
	switch {
	case errors.As(err, &nm):
		c.pending = &pendingSheet{text: text, columns: nm.Columns}
	case err == nil:
		c.pending = nil
	}
}
