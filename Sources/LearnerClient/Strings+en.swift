extension Strings {
    /// The English interface.
    public static let english = Strings(
        code: "en",
        appTitle: "HocSo — digital skills",
        signInTitle: "Sign in",
        codePrompt: "Your learner code:",
        demoHint: "No code yet? Type DEMO to try.",
        pinPrompt: "PIN:",
        signInKeys: { $0 ? "Enter OK · Esc quit" : "q quit" },
        unknownLearner: { "No learner with the code “\($0)”. Ask the centre staff." },
        wrongPIN: "That PIN is not right. Please try again.",
        greeting: { "Hello, \($0)!" },
        resumed: "Carrying on where you stopped last time.",
        coursesTitle: "Courses",
        noCourses: "No course is installed on this computer yet.",
        installHint: "The centre staff install courses with: hocso pack install <pack file>",
        lessonsDone: { "\($0)/\($1) lessons done" },
        courseDone: "completed",
        lessonLegend: "✓ done   ▶ in progress   ○ not started",
        courseKeys: {
            $0 ? "↑↓ choose · Enter open · p progress · q quit" : "number + Enter open · p progress · q quit"
        },
        lessonKeys: {
            $0
                ? "↑↓ choose · Enter study · Backspace back · p progress · q quit"
                : "number + Enter study · b back · q quit"
        },
        quizLabel: "quiz",
        finalQuizLabel: "final quiz",
        stepsAndQuestions: { steps, questions in
            questions > 0 ? "\(steps) steps, \(questions) questions" : "\(steps) steps"
        },
        bestScore: { "best score \($0)%" },
        stepCounter: { "Step \($0)/\($1)" },
        readingKeys: "Enter/→ next · ←/Backspace back · n/N page · r read aloud · q quit",
        readingKeysLine: "Enter next · b back · q quit",
        lessonFinished: "You have read this lesson.",
        startQuiz: "Press Enter to take the quiz.",
        quizIntro: { count, rule in "The quiz has \(count) questions. You need \(rule) to pass." },
        questionCounter: { "Question \($0)/\($1)" },
        practiceBanner: "Practice — not scored",
        instruction: { kind, keys in
            switch (kind, keys) {
            case (.singleChoice, true), (.trueFalse, true): "Choose one answer: type its number, or ↑↓ then Enter."
            case (.singleChoice, false), (.trueFalse, false): "Type the number of your answer, then Enter."
            case (.multipleAnswer, true): "Choose every right answer: Space (or its number) to tick, Enter to submit."
            case (.multipleAnswer, false): "Type the numbers of the right answers, separated by spaces (e.g. 1 3)."
            case (.shortAnswer, _): "Type your answer, then Enter."
            case (.numeric, _): "Type a number (e.g. 2.5), then Enter."
            case (.ordering, true): "Put in order: ↑↓ to pick, u/d (or Shift+↑↓) to move, Enter to submit."
            case (.ordering, false): "Type the right order as numbers (e.g. 3 1 2)."
            case (.matching, true):
                "Make pairs: pick a left item (number), then a right item (letter). Enter to submit."
            case (.matching, false): "Type the pairs, e.g. 1b 2a 3c"
            }
        },
        yourAnswer: "Answer:",
        pairsMade: "Pairs:",
        notPaired: "(not paired)",
        pickLeftFirst: "Pick a left item (a number) first.",
        correct: "✓ Right!",
        partlyCorrect: { got, max in "◐ Partly right: \(got)/\(max) points." },
        wrong: "✗ Not right.",
        correctAnswer: { "The answer: \($0)" },
        explanation: "Why:",
        hint: { "Hint \($0)/\($1):" },
        noMoreHints: "No more hints for this question.",
        emptyAnswer: "You have not answered yet.",
        notANumber: "Please type a number, e.g. 2.5.",
        continueKey: "Press Enter to go on.",
        questionKeys: "h hint · r read aloud · q quit",
        textKeys: "? hint · F5 read aloud · Esc quit",
        lineHelp: "(h hint · q quit)",
        resultTitle: "Result",
        practiceResultTitle: "Practice result",
        score: { got, max, percent in "Score: \(got)/\(max) (\(percent)%)" },
        passed: "PASSED",
        notPassed: "NOT PASSED YET",
        passRule: { "Pass mark: \($0)" },
        toReview: "Worth reviewing:",
        allRight: "You got every question right. Well done!",
        resultKeys: { hasWrong in
            hasWrong
                ? "1 retake · 2 practise wrong answers · Enter lesson list · q quit"
                : "1 retake · Enter lesson list · q quit"
        },
        progressTitle: "Your progress",
        progressKeys: "Enter/Backspace back · q quit",
        notStartedYet: "not started",
        inputMethod: {
            switch $0 {
            case .telex: "Typing: Telex"
            case .vni: "Typing: VNI"
            case .off: "Typing: off"
            }
        },
        speaking: "Reading aloud…",
        speechMissing: "No voice installed. Staff can add one with: sudo apt-get install espeak-ng",
        saved: "Everything you answered is saved. See you soon!",
        back: "back",
        quit: "quit",
        errorPrefix: "Error:"
    )
}
