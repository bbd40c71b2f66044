package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// PassMap is a grid of pass or fail for every pair of points of two
// metrics: Across's levels as columns (lowest first), Down's as rows (best
// on top), each cell its score. On a phone it scrolls sideways, and it is
// a focusable region so the arrow keys scroll it too.
type PassMap struct {
	goapp.Compo

	Caption      string
	Across, Down string      // the two metrics' labels
	AcrossLevels []string    // the points of Across, lowest first, as shown
	DownLevels   []string    // the points of Down, lowest first, as shown
	Cells        [][]MapCell // Cells[a][d]: Across's a-th level with Down's d-th
	Error        string      // why there is no map; shown in its place
}

// MapCell is one pair of points: whether it passes and the score it gives.
type MapCell struct {
	Pass  bool
	Score string
	Key   string // data-cell: "2,3" for Across 2 and Down 3
}

// Rows is the grid as drawn, top row first: Down's best level on top, and
// in each row Across's levels lowest first.
func (p *PassMap) Rows() [][]MapCell {
	rows := make([][]MapCell, 0, len(p.DownLevels))
	for d := len(p.DownLevels) - 1; d >= 0; d-- {
		row := make([]MapCell, len(p.AcrossLevels))
		for a := range p.AcrossLevels {
			row[a] = p.Cells[a][d]
		}
		rows = append(rows, row)
	}
	return rows
}

// Render draws the map.
func (p *PassMap) Render() goapp.UI { return SafeRender("the pass map", p.render, nil) }

func (p *PassMap) render() goapp.UI {
	var grid goapp.UI
	if p.Error != "" {
		grid = goapp.P().Class("input-error").Attr("role", "alert").Text(p.Error)
	} else {
		rows := p.Rows()
		grid = goapp.Table().Class("passmap").DataSet("testid", "passmap").Body(
			goapp.Caption().Text(p.Caption),
			goapp.THead().Body(goapp.Tr().Body(
				goapp.Td().Class("corner").Text(p.Down+" ↓ "+p.Across+" →"),
				goapp.Range(p.AcrossLevels).Slice(func(a int) goapp.UI {
					return goapp.Th().Scope("col").Body(goapp.Span().Class("visually-hidden").Text(p.Across+" "), goapp.Text(p.AcrossLevels[a]))
				}),
			)),
			goapp.TBody().Body(goapp.Range(rows).Slice(func(r int) goapp.UI {
				level := p.DownLevels[len(p.DownLevels)-1-r]
				return goapp.Tr().Body(
					goapp.Th().Scope("row").Body(goapp.Span().Class("visually-hidden").Text(p.Down+" "), goapp.Text(level)),
					goapp.Range(rows[r]).Slice(func(a int) goapp.UI {
						cell := rows[r][a]
						word, class := "PASS", "cell-pass"
						if !cell.Pass {
							word, class = "FAIL", "cell-fail"
						}
						return goapp.Td().Class(class).DataSet("cell", cell.Key).Body(
							goapp.Strong().Text(word), goapp.Span().Class("cell-score").Text(" "+cell.Score),
						)
					}),
				)
			})),
		)
	}
	// The caption is also shown above the sideways scroll, at the card's
	// width: inside it, a table wider than a phone cut it mid-word.
	return goapp.Div().Body(
		goapp.If(p.Error == "" && p.Caption != "", goapp.P().Class("passmap-caption").Aria("hidden", "true").Text(p.Caption)),
		goapp.Div().Class("table-scroll").TabIndex(0).Attr("role", "region").Aria("label", "Pass map, scrolls sideways").Body(grid),
	)
}
