//go:build ignore

// Gen draws Passline's PNG icons (the SVG is web/icon.svg, same geometry):
// a check mark over a pass line on a green square.
//
//	go run web/icons/gen.go
package main

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

var (
	green = color.RGBA{0x0b, 0x5d, 0x3b, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
	gold  = color.RGBA{0xf2, 0xc1, 0x4e, 0xff}
)

// segment is a thick line in a 100×100 design space.
type segment struct {
	x1, y1, x2, y2, width float64
	c                     color.RGBA
}

// The design, in a 100×100 box: the pass line, then the check mark.
var design = []segment{
	{18, 70, 82, 70, 6, gold},
	{28, 46, 44, 60, 10, white},
	{44, 60, 74, 28, 10, white},
}

func dist(px, py float64, s segment) float64 {
	dx, dy := s.x2-s.x1, s.y2-s.y1
	t := math.Max(0, math.Min(1, ((px-s.x1)*dx+(py-s.y1)*dy)/(dx*dx+dy*dy)))
	return math.Hypot(px-(s.x1+t*dx), py-(s.y1+t*dy))
}

// draw renders the icon at size px; scale < 1 shrinks the mark into the
// middle (a maskable icon keeps it inside the safe zone); rounded gives
// the square rounded corners.
func draw(size int, scale float64, rounded bool) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	const ss = 4 // supersampling per axis
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					px := (float64(x) + (float64(sx)+0.5)/ss) / float64(size) * 100
					py := (float64(y) + (float64(sy)+0.5)/ss) / float64(size) * 100
					c, ok := green, true
					if rounded {
						ok = insideRounded(px, py, 18)
					}
					mx, my := 50+(px-50)/scale, 50+(py-50)/scale
					for _, s := range design {
						if dist(mx, my, s) <= s.width/2 {
							c = s.c
						}
					}
					if ok {
						r, g, b, a = r+float64(c.R), g+float64(c.G), b+float64(c.B), a+255
					}
				}
			}
			n := float64(ss * ss)
			if a > 0 {
				img.Set(x, y, color.RGBA{uint8(r / n), uint8(g / n), uint8(b / n), uint8(a / n)})
			}
		}
	}
	return img
}

func insideRounded(x, y, radius float64) bool {
	cx, cy := math.Max(radius, math.Min(100-radius, x)), math.Max(radius, math.Min(100-radius, y))
	return math.Hypot(x-cx, y-cy) <= radius
}

func write(name string, img image.Image) {
	f, err := os.Create(name)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		panic(err)
	}
}

func main() {
	write("web/icon-192.png", draw(192, 1, true))
	write("web/icon-512.png", draw(512, 1, true))
	write("web/icon-maskable-512.png", draw(512, 0.7, false))
}
