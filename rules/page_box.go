package rules

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// An element can hide its text without display, visibility or opacity:
// by its box. The "visually hidden" recipes that put text out of sight
// (a kit salting a fake shop with a hidden warning uses them as readily as
// display:none) are read from the inline style (and from one rule of the
// page's own sheet, below):
//
//   - transform: scale(0);
//   - clip: rect(0 0 0 0) on an absolutely positioned box, or a clip-path
//     that keeps nothing (inset(50%) or more, circle(0));
//   - a height, width or max-height of 0 with its overflow hidden;
//   - an absolutely positioned or fixed box moved far off the page
//     (left, top or right of -500px, -30em or less);
//   - a text-indent of -500px or less with the overflow hidden or the
//     text kept on one line;
//   - text the colour of its own background (color and background both
//     written in the style);
//   - an iframe 0 wide or high: the srcdoc it frames.
//
// A rule of the page's own style sheet that does the same in one rule
// (.k{position:absolute;left:-9999px}) hides the elements it matches, in
// doubt (page_css.go: propBox), and so does one that holds the half of a
// recipe that gives it away (hidesInSheet): a recipe split over two rules
// is read so. Scripts are not read.

// hidesInSheet is hides for the declarations of one rule of a sheet, in
// doubt: besides a whole recipe, a rule that moves its elements far off the
// page (left, top or right, or a text-indent, of -500px or less) or clips
// them to nothing hides them, though what places the box
// (position:absolute) or cuts its overflow may stand in another rule
// matching the same elements (.p{position:absolute} .k{left:-9999px}).
// Nothing moves text 9999px away or clips it to nothing to show it; a
// menu that does so until hovered is hidden when the page opens.
func (d boxDecls) hidesInSheet() bool {
	return d.hides(false) || cssFarOff(d.left) || cssFarOff(d.top) || cssFarOff(d.right) ||
		cssFarOff(d.textIndent) || cssClipRectZero(d.clip)
}

// cssBoxHides reports whether an inline style hides its element's text by
// its box (see above). A frame (an iframe) clips what it frames whatever
// its overflow: a height or width of 0 alone hides it.
func cssBoxHides(style string, frame bool) bool {
	return inlineBoxDecls(style).hides(frame)
}

// hides reports whether the declarations hide their element's text by its
// box (cssBoxHides).
func (d boxDecls) hides(frame bool) bool {
	if d == (boxDecls{}) {
		return false // most styles: none of the properties read
	}
	placed := d.position == "absolute" || d.position == "fixed"
	cut := d.overflow == "hidden" || d.overflow == "clip"
	switch {
	case cssScaleZero(d.transform):
		return true
	case placed && cssClipRectZero(d.clip):
		return true
	case cssClipPathNothing(d.clipPath):
		return true
	case (cut || frame) && (cssZeroLength(d.height) || cssZeroLength(d.maxHeight) || cssZeroLength(d.width) || cssZeroLength(d.maxWidth)):
		return true
	case placed && (cssFarOff(d.left) || cssFarOff(d.top) || cssFarOff(d.right)):
		return true
	case cssFarOff(d.textIndent) && (cut || d.whiteSpace == "nowrap"):
		return true
	}
	bg := d.backgroundColor
	if bg == "" {
		bg = d.background
	}
	fg, okf := cssColour(d.color)
	bc, okb := cssColour(bg)
	return okf && okb && fg == bc
}

// boxDecls are the values of the properties cssBoxHides reads, lower-case,
// white space folded to one space, !important taken out.
type boxDecls struct {
	position, overflow, transform, clip, clipPath              string
	height, maxHeight, width, maxWidth, left, top, right       string
	textIndent, whiteSpace, color, background, backgroundColor string
}

// set keeps value for the property name, when it is one read; a later
// declaration wins, as in a browser.
func (d *boxDecls) set(name, value string) {
	f := d.field(strings.TrimSpace(name))
	if f == nil {
		return // most declarations: no allocation
	}
	v := value
	if strings.ContainsAny(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ\t\n\r\f") || strings.Contains(v, "  ") {
		v = strings.ToLower(strings.Join(strings.Fields(v), " "))
	}
	v = cssWithoutImportant(v)
	*f = v
}

// field returns where the value of the property name is kept, or nil for
// a property cssBoxHides does not read.
func (d *boxDecls) field(name string) *string {
	if len(name) < 3 || len(name) > 16 {
		return nil
	}
	var lower [16]byte
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	switch string(lower[:len(name)]) { // no allocation: the compiler compares in place
	case "position":
		return &d.position
	case "overflow":
		return &d.overflow
	case "transform":
		return &d.transform
	case "clip":
		return &d.clip
	case "clip-path":
		return &d.clipPath
	case "height":
		return &d.height
	case "max-height":
		return &d.maxHeight
	case "width":
		return &d.width
	case "max-width":
		return &d.maxWidth
	case "left":
		return &d.left
	case "top":
		return &d.top
	case "right":
		return &d.right
	case "text-indent":
		return &d.textIndent
	case "white-space":
		return &d.whiteSpace
	case "color":
		return &d.color
	case "background":
		return &d.background
	case "background-color":
		return &d.backgroundColor
	}
	return nil
}

// inlineBoxDecls reads an inline style's declarations of the properties
// cssBoxHides reads (inlineDecls; a function such as scale(0) is no reason
// to call the parser).
func inlineBoxDecls(style string) boxDecls {
	var d boxDecls
	if len(style) > inlineMaxBytes {
		style = style[:inlineMaxBytes]
	}
	inlineDecls(style, "/\\\"'", d.set)
	return d
}

// cssScaleZero reports whether a transform scales to nothing: scale(0),
// scale(0,0), scaleX(0) or scaleY(0) among its functions.
func cssScaleZero(v string) bool {
	for _, f := range []string{"scale(", "scalex(", "scaley("} {
		for rest := v; ; {
			i := strings.Index(rest, f)
			if i < 0 {
				break
			}
			args, _, _ := strings.Cut(rest[i+len(f):], ")")
			for _, a := range strings.Split(args, ",") {
				if n, ok := cssNumber(strings.TrimSpace(a)); ok && n == 0 {
					return true
				}
			}
			rest = rest[i+len(f):]
		}
	}
	return false
}

// cssClipRectZero reports whether a clip keeps nothing: rect() with its
// top equal to its bottom or its left to its right (rect(0 0 0 0),
// rect(1px, 1px, 1px, 1px)).
func cssClipRectZero(v string) bool {
	args, ok := strings.CutPrefix(v, "rect(")
	if !ok {
		return false
	}
	args, _, _ = strings.Cut(args, ")")
	parts := strings.FieldsFunc(args, func(r rune) bool { return r == ',' || r == ' ' })
	if len(parts) != 4 {
		return false
	}
	return parts[0] == parts[2] || parts[1] == parts[3]
}

// cssClipPathNothing reports whether a clip-path keeps nothing: an inset()
// whose top and bottom, or left and right, add up to 100% or more
// (inset(50%)), or a circle or ellipse of radius 0.
func cssClipPathNothing(v string) bool {
	if args, ok := strings.CutPrefix(v, "inset("); ok {
		args, _, _ = strings.Cut(args, ")")
		args, _, _ = strings.Cut(args, " round") // rounded corners cut nothing more
		var f [4]float64
		vals := strings.Fields(args)
		if len(vals) == 0 || len(vals) > 4 {
			return false
		}
		for i, a := range vals {
			n, ok := cssNumber(a)
			if !ok || n != 0 && !strings.HasSuffix(a, "%") {
				return false // lengths: the box's size is not known
			}
			f[i] = n
		}
		// The shorthand's sides: top, right, bottom, left.
		top, right, bottom, left := f[0], f[0], f[0], f[0]
		switch len(vals) {
		case 2:
			right, bottom, left = f[1], f[0], f[1]
		case 3:
			right, bottom, left = f[1], f[2], f[1]
		case 4:
			right, bottom, left = f[1], f[2], f[3]
		}
		return top+bottom >= 1 || left+right >= 1
	}
	for _, fn := range []string{"circle(", "ellipse("} {
		if args, ok := strings.CutPrefix(v, fn); ok {
			args, _, _ = strings.Cut(args, ")")
			args, _, _ = strings.Cut(strings.TrimSpace(args), " ")
			n, ok := cssNumber(args)
			return ok && n == 0
		}
	}
	return false
}

// cssZeroLength reports whether a length is 0 in any unit.
func cssZeroLength(v string) bool {
	n, ok := cssNumber(v)
	return ok && n == 0
}

// cssFarOff reports whether an offset puts a box far off the page: -500px
// or less, -30em/rem or less, or -100% or less of its container.
func cssFarOff(v string) bool {
	n, ok := cssNumber(v)
	if !ok || n >= 0 {
		return false
	}
	switch {
	case strings.HasSuffix(v, "px"):
		return n <= -500
	case strings.HasSuffix(v, "em"):
		return n <= -30
	case strings.HasSuffix(v, "%"):
		return n <= -1 // cssNumber gives a percentage as a fraction
	case strings.HasSuffix(v, "vw"), strings.HasSuffix(v, "vh"):
		return n <= -100
	}
	return false
}

// cssColour reads a colour written as a name of white or black, #rgb,
// #rrggbb or rgb(r,g,b), as 0xrrggbb; ok is false for anything else (a
// background with an image, a gradient, a colour with transparency).
func cssColour(v string) (uint32, bool) {
	switch v {
	case "white":
		return 0xffffff, true
	case "black":
		return 0, true
	}
	if h, ok := strings.CutPrefix(v, "#"); ok {
		n, err := strconv.ParseUint(h, 16, 32)
		switch {
		case err != nil:
			return 0, false
		case len(h) == 3:
			r, g, b := n>>8, n>>4&0xf, n&0xf
			return uint32(r*0x11<<16 | g*0x11<<8 | b*0x11), true
		case len(h) == 6:
			return uint32(n), true
		}
		return 0, false
	}
	if args, ok := strings.CutPrefix(v, "rgb("); ok {
		args, _, _ = strings.Cut(args, ")")
		var out uint32
		k := 0
		for p := range strings.SplitSeq(args, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(p))
			if err != nil || n < 0 || n > 255 || k == 3 {
				return 0, false
			}
			out = out<<8 | uint32(n)
			k++
		}
		return out, k == 3
	}
	return 0, false
}

// zeroFrame reports whether an iframe's attributes size it to nothing (a
// width or height of 0; its inline style is cssBoxHides' with frame). The
// document it frames (a srcdoc read as part of the page) is then not seen.
func zeroFrame(n *html.Node) bool {
	for _, a := range n.Attr {
		if (a.Key == "width" || a.Key == "height") && cssZeroLength(strings.TrimSpace(a.Val)) {
			return true
		}
	}
	return false
}
