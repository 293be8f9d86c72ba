"""The shipped question bank: original behavioral questions for every principle, variants pitched
at managers and at individual contributors for the people principles, and drills for the usual
focus areas. Keys are stable (`bank:<slug>:<n>`, `bank:<slug>:m<n>`, `bank:<slug>:ic<n>`): spaced
repetition remembers them, so add new questions at the end of a list and never reorder or reword
one in place."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.questions.roles import Track

QUESTIONS: dict[str, tuple[str, ...]] = {
    "Customer Obsession": (
        "Tell me about a time you changed your team's plan because of something you learned from a customer.",
        "Describe a customer problem nobody had asked you to solve, and what you did about it.",
        "Give an example of when what a customer asked for was not what they needed. How did you find out, and what did you build?",
        "Tell me about a time you had to choose between a customer's interest and a short-term business goal.",
        "Describe the most useful customer feedback you have acted on. How did you get it, and what changed?",
        "Tell me about a time a customer was unhappy with your team's work. How did you turn it around?",
        "How have you kept a team close to its customers when the team never met them? Give a concrete example.",
    ),
    "Ownership": (
        "Tell me about a time you took on a problem that was outside your responsibilities because nobody else would.",
        "Describe a decision you made for the long term that cost your team in the short term.",
        "Give an example of a failure you owned publicly. What happened and what did you change afterwards?",
        "Tell me about a time you saw another team's problem putting your project at risk. What did you do?",
        "Describe a time you had to finish something after the person who started it had left.",
        "Tell me about a commitment you made that turned out to be much harder than expected. How did you see it through?",
        "Describe a time you said 'that's not my job' — or wanted to — and what you did instead.",
    ),
    "Invent and Simplify": (
        "Tell me about the most inventive thing you have built or introduced. Where did the idea come from?",
        "Describe a process or system you made simpler. How did you know the simpler version was good enough?",
        "Give an example of a time you borrowed an idea from outside your field to solve a problem.",
        "Tell me about an invention of yours that did not work. What did you learn?",
        "Describe a time you removed a feature, step or tool rather than adding one.",
        "Tell me about a time you were told your new approach would not work. What did you do?",
        "How have you made it easier for your team to try new ideas? Give a specific example.",
    ),
    "Are Right, A Lot": (
        "Tell me about a decision you made with incomplete data. How did you decide, and how did it turn out?",
        "Describe a time you were wrong about something important. How did you find out, and what did you do?",
        "Give an example of when you went against the consensus and were proven right.",
        "Tell me about a time you changed your mind after hearing a view that challenged yours.",
        "Describe how you judged between two good options that your team was split on.",
        "Tell me about a prediction you made about a project or product. What was it based on, and did it hold?",
        "Describe a time your instinct disagreed with the data. Which did you follow, and why?",
    ),
    "Learn and Be Curious": (
        "Tell me about something you taught yourself recently and how you used it at work.",
        "Describe a time curiosity about a small detail led you to a bigger discovery.",
        "Give an example of when you sought out people outside your team to learn how they worked.",
        "Tell me about a time you had to become an expert in an unfamiliar area quickly.",
        "Describe a belief you held about your work that you later found was wrong.",
        "How do you keep learning in your field? Give an example of something that changed how you work.",
        "Tell me about a time you asked a question nobody else in the room was asking.",
    ),
    "Hire and Develop the Best": (
        "Tell me about someone you helped grow into a bigger role. What did you do, and what did they achieve?",
        "Describe a hiring decision you are proud of, and one you would make differently.",
        "Give an example of feedback you gave that changed how someone worked.",
        "Tell me about a time you coached someone in a skill you were not strong in yourself.",
        "Describe how you raised the bar on a hiring loop or interview process.",
        "Tell me about a time you had to manage someone who was not meeting expectations. What happened?",
        "Describe how you built a team for a specific goal. What did you look for, and how did it work out?",
    ),
    "Insist on the Highest Standards": (
        "Tell me about a time you refused to ship something because it was not good enough.",
        "Describe a standard you raised for your team. How did you get people to meet it?",
        "Give an example of a time you were not satisfied with a result others considered a success.",
        "Tell me about a time your high standards slowed things down. Was it worth it?",
        "Describe a recurring quality problem you fixed at its root rather than patching again.",
        "Tell me about a time you had to deliver feedback on work that did not meet the bar.",
        "How do you decide when something is good enough to ship? Walk me through a real example.",
    ),
    "Think Big": (
        "Tell me about a time you proposed a much bigger goal than the one you were given.",
        "Describe a long-term vision you created and how you got others to follow it.",
        "Give an example of a small project you turned into something with much wider impact.",
        "Tell me about a bold bet you made that did not pay off. What did you learn?",
        "Describe a time you saw an opportunity others missed because they were focused on the near term.",
        "Tell me about a time you had to convince leadership to invest in something ambitious.",
        "What is the biggest change you have driven in an organisation? How did you start it?",
    ),
    "Bias for Action": (
        "Tell me about a time you acted quickly without all the information you wanted. What happened?",
        "Describe a decision you made that was easy to reverse, and how that shaped how fast you moved.",
        "Give an example of when you unblocked a stalled project by taking the first step yourself.",
        "Tell me about a time you moved too fast. What would you do differently?",
        "Describe a calculated risk you took to meet a deadline.",
        "Tell me about a time you ran a small experiment instead of waiting for a full analysis.",
        "Describe a situation where your team was stuck debating. What did you do to get it moving?",
    ),
    "Frugality": (
        "Tell me about a time you accomplished more with fewer resources than you asked for.",
        "Describe a cost you cut without hurting customers. How did you find it?",
        "Give an example of when a tight constraint led to a better solution.",
        "Tell me about a time you turned down extra headcount or budget. Why?",
        "Describe how you decided what not to build when time or money ran short.",
        "Tell me about a time you reused something that already existed instead of building new.",
    ),
    "Earn Trust": (
        "Tell me about a time you had to rebuild trust with a person or team.",
        "Describe a time you admitted a mistake before anyone else noticed it.",
        "Give an example of difficult feedback you received. What did you do with it?",
        "Tell me about a time you had to deliver bad news to a stakeholder. How did you do it?",
        "Describe how you won over a peer who disagreed with your approach to a shared goal.",
        "Tell me about a time you could not keep a commitment. How did you handle it with the people affected?",
        "Describe a time you changed direction and had to bring worried people along with you.",
    ),
    "Dive Deep": (
        "Tell me about a problem you solved by digging into the details yourself.",
        "Describe a time a metric looked fine but you suspected something was wrong. What did you find?",
        "Give an example of a root cause you found that others had missed.",
        "Tell me about a time you had to understand a system you did not build in order to fix it.",
        "Describe how you stay close to the details of your team's work without micromanaging.",
        "Tell me about a time data contradicted what people believed. How did you prove it?",
        "Walk me through the hardest debugging or investigation you have led, step by step.",
    ),
    "Have Backbone; Disagree and Commit": (
        "Tell me about a time you disagreed with your manager on something important to the business. What did you do?",
        "Describe a time you took an unpopular position in a meeting. Why did you feel strongly, and what happened?",
        "Give an example of a decision you committed to fully even though you had argued against it.",
        "Tell me about a time you pushed back on a decision that would have hurt your team.",
        "Describe a time you kept pressing an idea your leadership rejected at first. How did it turn out?",
        "Tell me about a time you supported a direction you disagreed with in front of your team. How did you explain it?",
        "Describe a disagreement where you were the one who turned out to be wrong.",
    ),
    "Deliver Results": (
        "Tell me about the most important result you delivered in the last two years. What stood in the way?",
        "Describe a time you delivered on a goal despite losing people or resources mid-way.",
        "Give an example of a deadline you missed. What happened, and what did you do about it?",
        "Tell me about a time you had to choose which goals to drop in order to hit the one that mattered.",
        "Describe how you kept a long project on track when priorities kept changing.",
        "Tell me about a result that needed many teams to deliver. How did you get it over the line?",
        "Describe a time you raised the goal after you had already committed to a lower one.",
    ),
    "Strive to be Earth's Best Employer": (
        "Tell me about a time you made your team a better place to work. What changed?",
        "Describe how you noticed and responded to someone on your team who was struggling.",
        "Give an example of how you made your team more inclusive.",
        "Tell me about a time you protected your team from unsustainable pressure while still delivering.",
        "Describe how you helped someone find work that suited their strengths better.",
        "Tell me about a time you improved morale on a team that had lost it. What caused the dip?",
    ),
    "Success and Scale Bring Broad Responsibility": (
        "Tell me about a time you considered the effect of your work beyond your customers and company.",
        "Describe a decision where doing the right thing for the wider community cost you something.",
        "Give an example of a risk your product posed at scale that you worked to reduce.",
        "Tell me about a time you made something more secure, private or accessible than it had to be.",
        "Describe how you weighed a growth opportunity against its side effects.",
        "Tell me about a time you left a system, team or community better than you found it.",
    ),
}

# Asked of people managers ("SDM L6", "Engineering Manager") before the general questions.
MANAGER_VARIANTS: dict[str, tuple[str, ...]] = {
    "Hire and Develop the Best": (
        "Walk me through how you set the hiring bar for your team. What did you change in your interview loop, and how did you know it worked?",
        "Tell me about a direct report you helped earn a promotion. What was the plan, and what was your part in it?",
        "Describe a time you moved someone out of a role or out of the company. How did you reach the decision, and how did you handle it?",
        "Tell me about a hire of yours that did not work out. What did the interviews miss, and what did you change afterwards?",
        "How have you grown a manager or a tech lead on your team? Give a concrete example of what you did and how they changed.",
    ),
    "Earn Trust": (
        "Tell me about a time your team lost confidence in a decision you made. How did you win it back?",
        "Describe a time you had to tell your team about a change you could not fully explain, such as a reorganisation. How did you keep their trust?",
        "Give an example of when you took responsibility for your team's mistake in front of senior leaders. What happened next?",
        "Tell me about a time a partner team stopped relying on your team's commitments. What did you change?",
    ),
    "Strive to be Earth's Best Employer": (
        "Tell me about a change you made to how your team works that people still mention. Why did you make it?",
        "Describe how you handled a report's burnout while a big deadline was still on the table.",
        "Give an example of a decision where you put your team's long-term growth ahead of short-term output.",
        "Tell me about a time people left your team one after another. What did you learn about why, and what did you change?",
    ),
    "Have Backbone; Disagree and Commit": (
        "Tell me about a time you pushed back on your own manager's plan on behalf of your team. How did you make the case, and what happened?",
        "Describe a decision you argued against but then had to roll out to your team. How did you present it, and how did you commit?",
        "Give an example of when you said no to a senior stakeholder because your team could not deliver the request well.",
        "Tell me about a time you overruled your team's consensus. Why, and how did it turn out?",
    ),
    "Deliver Results": (
        "Tell me about a time your team was about to miss a commitment. What did you change, and what did you tell the stakeholders?",
        "Describe how you set your team's goals for a quarter or a year. How did you measure them, and how did the team do?",
        "Give an example of delivering with a team that was understaffed or newly formed. How did you plan, and what was the result?",
        "Tell me about an obstacle you removed that was slowing your whole team down. How did you find it?",
    ),
}

# Asked of individual contributors ("SDE II", "Senior Software Engineer") before the general questions.
IC_VARIANTS: dict[str, tuple[str, ...]] = {
    "Hire and Develop the Best": (
        "Tell me about a time you mentored a teammate without being their manager. What did you do, and how did they grow?",
        "Describe how you helped a new engineer become productive on your team. What did you change so the next one ramped up faster?",
        "Tell me about an interview you ran where your assessment differed from the rest of the panel. How did you make your case?",
    ),
    "Earn Trust": (
        "Tell me about a time you gave a more senior colleague feedback they did not want to hear. How did you go about it?",
        "Describe a time you realised your own estimate was wrong and told your team before it became a problem.",
    ),
    "Strive to be Earth's Best Employer": (
        "Tell me about a time you helped a new or struggling teammate feel they belonged. What did you do?",
        "Describe something you did, without being asked, that made your team's day-to-day work less painful.",
    ),
    "Have Backbone; Disagree and Commit": (
        "Tell me about a time you challenged a design chosen by someone more senior than you. What did you do?",
        "Describe a code or design review where you held your ground. How did it end?",
    ),
    "Deliver Results": (
        "Tell me about the piece of work you delivered that mattered most to customers. What got in the way?",
        "Describe a time you cut scope to ship on time. How did you decide what to drop?",
    ),
}

SYSTEM_DESIGN_METHOD = (
    "Walk it through: (1) who is the customer and what problem do they have? "
    "(2) write the requirements on the board; (3) sketch the design; "
    "(4) how will you know it performs, how would you troubleshoot it quickly, and where could it fail?"
)

DRILLS: dict[str, tuple[str, ...]] = {
    "System Design": (
        "Design the service that sends a smart speaker's firmware update to millions of devices.",
        "Design a URL shortener used by a large social network.",
        "Design the notification system for a shopping app: order updates, deliveries, deals.",
        "Design a rate limiter shared by every public API of a company.",
        "Design the backend of a photo-sharing feature for a family of devices.",
        "Design a system that collects metrics from thousands of servers and alerts on-call engineers.",
    ),
    "People Management": (
        "How do you run your one-on-ones? Describe one that changed the course of someone's work.",
        "Tell me how you set goals for your team and how you know they are the right ones.",
        "Describe how you handled two senior engineers in open conflict.",
        "How do you decide who gets promoted? Walk me through a real promotion case.",
        "Tell me about the hardest performance conversation you have had.",
        "How do you grow a team from five to fifteen people without losing what works?",
    ),
    "Operational Excellence": (
        "Walk me through the worst outage you have handled: detection, response, and what changed after.",
        "How do you decide what to alarm on? Give an example of an alarm you removed or added.",
        "Describe how you run a post-incident review so that it changes something.",
        "Tell me about a time you reduced operational load on your team. How did you measure it?",
        "How do you balance feature work against operational debt? Give a real example.",
        "Describe how you made a risky deployment safe.",
    ),
    "Product/Project Management": (
        "Walk me through how you turned a customer problem into a shipped product.",
        "Tell me about a roadmap you had to cut. How did you decide what stayed?",
        "Describe how you ran a project with many dependencies across teams.",
        "How do you write requirements that engineers and stakeholders both trust? Give an example.",
        "Tell me about a launch that went wrong and what you changed in how you run launches.",
        "How do you know whether a feature succeeded after launch?",
    ),
    "Writing Sample": (
        "Summarise your writing sample in three sentences: the problem, what you did, the result.",
        "Which decision in your writing sample would a skeptical reader challenge first, and how would you defend it?",
        "What did you leave out of your writing sample, and why?",
        "Explain the most technical part of your writing sample to someone outside your field.",
        "What would you write differently in your sample now, knowing how things turned out?",
        "What data in your writing sample best supports your conclusion?",
    ),
}


@dataclass(frozen=True)
class BankQuestion:
    key: str
    topic: str
    text: str
    track: Track | None = None  # None: for everyone


VARIANTS: tuple[tuple[Track, str, dict[str, tuple[str, ...]]], ...] = (
    (Track.MANAGER, "m", MANAGER_VARIANTS),
    (Track.IC, "ic", IC_VARIANTS),
)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _build() -> dict[str, tuple[BankQuestion, ...]]:
    bank: dict[str, tuple[BankQuestion, ...]] = {}
    for topic, texts in {**QUESTIONS, **DRILLS}.items():
        bank[topic] = tuple(
            BankQuestion(key=f"bank:{slug(topic)}:{n}", topic=topic, text=text)
            for n, text in enumerate(texts, 1)
        )
    for track, prefix, variants in VARIANTS:
        for topic, texts in variants.items():
            bank[topic] += tuple(
                BankQuestion(key=f"bank:{slug(topic)}:{prefix}{n}", topic=topic, text=text, track=track)
                for n, text in enumerate(texts, 1)
            )
    return bank


BANK = _build()
BY_KEY = {question.key: question for questions in BANK.values() for question in questions}
