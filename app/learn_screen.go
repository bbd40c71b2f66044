package app

import (
	"fmt"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/state"
)

// LearnScreen is the learn screen: a lesson per kind of metric, floor
// scenarios and a quiz. It draws its props only.
type LearnScreen struct {
	goapp.Compo

	Learn *state.Learn
	Tabs  []components.Tab // the lessons, the scorecard's own kinds first (state.LessonTabs)
	Err   string
	Live  bool
	Send  Sender
}

// Render draws the screen.
func (c *LearnScreen) Render() goapp.UI {
	return components.SafeRender("the learn screen", c.render, nil)
}

func (c *LearnScreen) render() goapp.UI {
	l := c.Learn
	if l == nil {
		return goapp.Text("")
	}
	var body goapp.UI
	switch {
	case l.Kind != nil:
		body = c.renderKindLesson(l.Kind)
	case l.Topic == "scenarios":
		body = c.renderGuided(l.Scenarios)
	case l.Odds != nil:
		body = renderOddsLesson(l.Odds)
	default:
		body = c.renderQuiz(l)
	}
	return goapp.Div().Class("learn").DataSet("testid", "learn").Body(
		&components.Tabs{Label: "Lessons", Key: "lesson", Class: "lessons", Items: c.Tabs,
			Current: l.Topic, Disabled: !c.Live, OnChoose: c},
		errorLine(c.Err),
		body,
	)
}

// ChooseTab shows the lesson chosen.
func (c *LearnScreen) ChooseTab(_, id string) { c.Send.Send("lesson", state.ChooseLesson{Topic: id}) }

// answerField is a calculator input that sends an Answer.
func (c *LearnScreen) answerField(f state.LessonField) goapp.UI {
	id := "learn-" + strings.ReplaceAll(f.Key, " ", "-")
	return goapp.Div().Class("field").Body(
		goapp.Label().For(id).Text(f.Label),
		goapp.Input().Type("text").ID(id).Class("text").DataSet("answer", f.Key).Attr("inputmode", f.Mode).
			Attr("autocomplete", "off").Value(f.Value).Disabled(!c.Live).
			OnChange(onSendValue(c.Send, "lesson", func(v string) state.Msg { return state.Answer{Key: f.Key, Value: v} }), f.Key),
	)
}

func (c *LearnScreen) renderKindLesson(k *state.KindLesson) goapp.UI {
	return goapp.Section().Class("card lesson").Aria("labelledby", "lesson-title").Body(
		goapp.H2().ID("lesson-title").Text(k.Title),
		goapp.P().Text(k.Means),
		goapp.H3().Text("The formula"),
		goapp.P().Class("formula").Text(k.Formula),
		goapp.P().Text(k.Bands),
		goapp.H3().Text("A worked example"),
		goapp.P().DataSet("testid", "lesson-example").Text(k.Example),
		goapp.H3().Text("Try it"),
		goapp.Div().Class("lesson-fields").Body(goapp.Range(k.Fields).Slice(func(i int) goapp.UI { return c.answerField(k.Fields[i]) })),
		goapp.Div().Attr("role", "status").Body(
			goapp.If(k.Err == "", goapp.Ul().Class("plain").DataSet("testid", "lesson-result").Body(
				goapp.Range(k.Results).Slice(func(i int) goapp.UI { return goapp.Li().Class("lesson-result").Text(k.Results[i]) }),
			)),
			errorLine(k.Err),
		),
		goapp.P().Class("hint").Text(k.From),
	)
}

func (c *LearnScreen) renderGuided(gs []state.GuidedAnswer) goapp.UI {
	return goapp.Div().Class("guided").Body(goapp.Range(gs).Slice(func(i int) goapp.UI {
		g := gs[i]
		return goapp.Section().Class("card").DataSet("guided", g.ID).Aria("labelledby", "guided-"+g.ID).Body(
			goapp.H2().ID("guided-"+g.ID).Text(g.Question),
			goapp.P().Text(g.Setup),
			c.guidedField(g.Field),
			goapp.If(g.Err == "", goapp.P().Class("guided-answer").DataSet("testid", "guided-answer").Attr("role", "status").Text(g.Answer)),
			errorLine(g.Err),
			goapp.If(g.Why != "", goapp.P().Class("hint").Text(g.Why)),
		)
	}))
}

func (c *LearnScreen) renderQuiz(l *state.Learn) goapp.UI {
	return goapp.Section().Class("card quiz").Aria("labelledby", "quiz-title").Body(
		goapp.H2().ID("quiz-title").Text("Quiz"),
		goapp.P().Attr("role", "status").DataSet("testid", "quiz-score").Text(fmt.Sprintf("%d of %d answered, %d right.", l.Answered, len(l.Quiz), l.Right)),
		goapp.Ol().Class("quiz-list").Body(goapp.Range(l.Quiz).Slice(func(i int) goapp.UI {
			q := l.Quiz[i]
			key := state.QuizKey(i)
			return goapp.Li().DataSet("question", fmt.Sprint(i)).Body(
				goapp.FieldSet().Body(
					goapp.Legend().Text(q.Question),
					goapp.Range(q.Options).Slice(func(j int) goapp.UI {
						id := fmt.Sprintf("quiz-%d-%d", i, j)
						return goapp.Label().Class("check").For(id).Body(
							goapp.Input().Type("radio").ID(id).Name(key).Value(fmt.Sprint(j)).Checked(q.Answered && q.Chosen == j).Disabled(!c.Live).
								OnChange(onSendValue(c.Send, "lesson", func(v string) state.Msg { return state.Answer{Key: key, Value: v} }), key),
							goapp.Span().Text(q.Options[j]),
						)
					}),
				),
				quizVerdict(q),
			)
		})),
	)
}

func (c *LearnScreen) guidedField(f *state.LessonField) goapp.UI {
	if f == nil {
		return goapp.Text("")
	}
	return c.answerField(*f)
}

// quizVerdict says whether an answer is right, and why.
func quizVerdict(q state.QuizQuestion) goapp.UI {
	if !q.Answered {
		return goapp.Text("")
	}
	verdict, class := "Right. ", "quiz-right"
	if q.Chosen != q.Correct {
		verdict, class = "Not quite: it is "+q.Options[q.Correct]+". ", "quiz-wrong"
	}
	return goapp.P().Class(class).DataSet("testid", "quiz-explain").Text(verdict + q.Explain)
}

// renderOddsLesson is the October story as two plans, with their odds.
func renderOddsLesson(o *state.OddsLesson) goapp.UI {
	if o.Err != nil {
		return components.RenderFailed("the two plans")
	}
	return goapp.Section().Class("card lesson").DataSet("testid", "learn-odds").Aria("labelledby", "odds-lesson-title").Body(
		goapp.H2().ID("odds-lesson-title").Text("Your odds: two plans for the same quarter"),
		goapp.P().Text(o.Story),
		goapp.Range(o.Plans).Slice(func(i int) goapp.UI {
			p := o.Plans[i]
			return goapp.Div().Class("plan-lesson").DataSet("plan", string(rune('a'+i))).Body(
				goapp.H3().Text(p.Name),
				goapp.P().Text(p.Holds),
				goapp.P().Class("odds-line").DataSet("testid", "learn-plan-odds").Text(state.PlanLessonWords(p)),
			)
		}),
		goapp.P().Class("hint").Text(o.Moral),
	)
}
