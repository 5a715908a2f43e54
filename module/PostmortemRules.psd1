<#
    The word lists Test-Postmortem's rules use, as the module ships them. This file is for reading: the module
    carries the same data inside it. To change the lists or the rules for your team, write a settings file of
    your own and pass it as Test-Postmortem -Settings ./team.psd1 (see about Test-Postmortem in the README):

        @{
            ExcludeRules = @('Hedging')                                    # turn rules off
            Rules        = @{ VagueQuantity = @{ Severity = 'Error' } }    # change a rule's severity
            AddWords     = @{ BlamePhrases = @('fat-fingered') }           # add entries to a list
            RemoveWords  = @{ ImperativeVerbs = @('review') }              # remove entries from a list
        }

    Phrases match whole words, ignoring case, punctuation and line breaks.
#>
@{
    WordLists = @{
        # BlamelessLanguage. The guide: "'Engineer ran the wrong command' is not a root cause."
        BlamePhrases = @(
            'human error', 'operator error', 'user error', 'engineer error', 'pilot error', 'personal error'
            'ran the wrong command', 'typed the wrong command', 'wrong command', 'fat-fingered', 'fat finger'
            'forgot to', 'forgot', 'careless', 'carelessness', 'carelessly', 'sloppy', 'negligence', 'negligent'
            'should have known', 'should have checked', 'should have noticed', 'should have been more careful'
            'blame', 'blamed', 'to blame', 'at fault', 'his fault', 'her fault', 'their fault', 'our fault'
            'did not pay attention', "didn't pay attention", 'not paying attention', 'failed to notice'
            'lazy', 'incompetent', 'incompetence', 'stupid', 'stupidity', 'mistake by', 'screwed up', 'messed up'
        )

        # Who a root cause must not have as its subject ("The engineer deleted ..."), besides the people named
        # as authors, reviewers and action item owners.
        PersonNouns = @(
            'engineer', 'operator', 'developer', 'dev', 'admin', 'administrator', 'sysadmin', 'intern'
            'contractor', 'employee', 'technician', 'dba', 'staff member', 'team member', 'person'
            'someone', 'somebody', 'he', 'she', 'new hire', 'junior engineer', 'senior engineer'
        )

        # A person is the subject of a sentence when a verb of doing follows: a past tense in -ed, or one of these.
        PersonVerbs = @(
            'ran', 'forgot', 'made', 'did', "didn't", 'took', 'broke', 'wrote', 'set', 'put', 'chose', 'sent', 'gave'
            'left', 'overwrote', 'hit', 'shut', 'misread', 'mistook', 'should', 'must', 'needs', 'has', 'will', 'shall'
            'runs', 'forgets', 'deletes', 'pushes', 'types', 'ignores', 'skips', 'misses', 'breaks', 'makes'
        )
        # Words that may stand between the subject and its verb.
        Adverbs = @('accidentally', 'mistakenly', 'also', 'then', 'just', 'again', 'wrongly', 'inadvertently', 'unintentionally', 'simply', 'never', 'not')

        # After a person as subject, these keep the sentence about the system ("The operator had no way to ...").
        SystemFramings = @(
            'had no', 'has no', 'lacked', 'could not', "couldn't", 'was not able', 'were not able', 'did not have'
            "didn't have", 'was not given', 'was never told', 'had no way', 'received no', 'got no', 'saw no'
        )

        # VagueActionItem. The guide's Bad column and their kin, found anywhere in the action.
        VagueActionPhrases = @(
            'be more careful', 'more careful', 'be careful', 'add more monitoring', 'more monitoring'
            'improve communication', 'better communication', 'communicate better', 'improve monitoring'
            'improve documentation', 'improve testing', 'more testing', 'improve the process', 'improve process'
            'pay more attention', 'pay attention', 'double-check', 'be aware', 'keep an eye on', 'raise awareness'
            'be vigilant', 'take more care', 'as needed', 'where possible', 'if possible', 'etc'
        )

        # VagueActionItem, at the start of the action: work that is not yet a change.
        VagueActionStarts = @(
            'investigate', 'look into', 'look at', 'try to', 'try and', 'make sure', 'consider', 'think about'
            'explore', 'discuss', 'figure out', 'research', 'check if', 'check whether', 'see if', 'maybe'
        )

        # ActionItemImperative. The guide: action items use active voice: "Add X", "Update Y", "Remove Z".
        ImperativeVerbs = @(
            'add', 'update', 'remove', 'create', 'configure', 'automate', 'document', 'enable', 'disable'
            'migrate', 'replace', 'upgrade', 'downgrade', 'implement', 'write', 'set', 'move', 'rotate'
            'restrict', 'limit', 'require', 'block', 'alert', 'monitor', 'schedule', 'split', 'merge', 'delete'
            'deprecate', 'fix', 'patch', 'increase', 'decrease', 'reduce', 'raise', 'lower', 'introduce'
            'build', 'deploy', 'install', 'uninstall', 'extend', 'rename', 'change', 'switch', 'adopt'
            'publish', 'run', 'test', 'verify', 'validate', 'audit', 'review', 'define', 'establish'
            'standardize', 'standardise', 'pin', 'tag', 'label', 'expose', 'export', 'import', 'track', 'log'
            'record', 'lock', 'separate', 'isolate', 'encrypt', 'back', 'backup', 'restore', 'refactor'
            'rewrite', 'redesign', 'simplify', 'consolidate', 'integrate', 'provision', 'scale', 'tune'
            'enforce', 'gate', 'check', 'ship', 'share', 'announce', 'notify', 'page', 'escalate', 'assign'
            'file', 'open', 'close', 'retire', 'decommission', 'allow', 'prevent', 'stop', 'start', 'keep'
            'clean', 'cap', 'throttle', 'drop', 'backfill', 'reconcile', 'sync', 'mirror', 'cache', 'index'
            'replicate', 'benchmark', 'measure', 'expand', 'shorten', 'lengthen', 'bump', 'revert', 'roll'
            'make', 'use', 'turn', 'wire', 'hook', 'route', 'reroute', 'draft', 'train', 'onboard', 'register'
            'subscribe', 'unsubscribe', 'snapshot', 'archive', 'purge', 'prune', 'drain', 'cordon', 'fence'
        )

        # ActionItemTargetsPerson. The guide: "Action items must address systems and processes, not individuals."
        IndividualActionStarts = @(
            'retrain', 're-train', 'remind', 'reprimand', 'discipline', 'talk to', 'tell', 'warn', 'coach'
            'counsel', 'punish', 'fire', 'replace the engineer', 'have a word with'
        )
        IndividualActionPhrases = @(
            'should double-check', 'should be more careful', 'needs to be more careful', 'must be more careful'
            'should remember', 'must remember', 'needs to remember', 'should pay attention', 'must pay attention'
            'should not forget', 'must not forget', 'should know better', 'retrain the', 'remind the'
        )

        # SpecificTimes. The guide: "Past tense, factual, specific timestamps".
        ApproximateTimes = @(
            'around', 'approximately', 'approx', 'roughly', 'about an hour', 'sometime', 'some time later'
            'later that day', 'later that night', 'shortly after', 'shortly before', 'soon after', 'eventually'
            'in the afternoon', 'in the morning', 'in the evening', 'overnight', 'at some point', 'a bit later'
            'ish', 'or so'
        )

        # VagueQuantity. The guide: "The service was unavailable for 47 minutes", not "there was some downtime". A number,
        # a fraction or a whole set ("about 5,000 projects", "two thirds of", "85%", "every customer in the EU region") is
        # specific. These phrases are vague wherever they stand: durations and degrees with no figure ("partially
        # degraded", like "fully degraded", names a state, not an amount).
        VagueQuantities = @(
            'some downtime', 'a while', 'for a while', 'some time', 'for some time', 'briefly', 'momentarily', 'a bit'
            'a little', 'somewhat', 'a matter of', 'some impact', 'mostly', 'largely', 'significantly', 'substantially'
            'considerably', 'slightly', 'multi million', 'multi billion', 'multi thousand', 'multi hour', 'multi day'
            'multi week', 'multi month', 'multi year', 'multi minute', 'multi second', 'multi gigabyte', 'multi terabyte'
        )
        # A count without its number ("several nodes", "a handful of webhooks", "thousands of jobs", "most tenants"); not
        # when a number follows ("some 9,000 messages", "a few over 40"). "most" alone counts before a plural noun.
        VagueQuantifiers = @(
            'some', 'several', 'a few', 'few', 'many', 'numerous', 'multiple', 'various', 'countless', 'a number of'
            'a subset of', 'a handful of', 'a couple of', 'a couple', 'a lot of', 'lots of', 'plenty of', 'a bunch of'
            'much of', 'most of', 'most', 'a majority of', 'the majority of', 'the bulk of', 'a great deal of'
            'a good deal of', 'hundreds', 'thousands', 'millions', 'billions', 'dozens', 'scores of', 'tons of'
        )
        # A size without its number: one of VagueSizes right before one of QuantityNouns ("a large number of", "a small
        # subset", "an extended period", "notable time", "significant impact").
        VagueSizes = @(
            'small', 'smaller', 'large', 'larger', 'big', 'bigger', 'significant', 'substantial', 'considerable'
            'notable', 'noticeable', 'huge', 'massive', 'limited', 'long', 'longer', 'short', 'shorter', 'extended'
            'prolonged', 'brief', 'minor', 'sizable', 'sizeable', 'modest', 'tiny', 'vast', 'fair', 'good', 'great'
        )
        QuantityNouns = @(
            'number', 'numbers', 'amount', 'amounts', 'portion', 'portions', 'part', 'set', 'subset', 'fraction', 'share'
            'percentage', 'proportion', 'majority', 'minority', 'addition', 'increase', 'decrease', 'reduction', 'drop'
            'spike', 'surge', 'volume', 'group', 'batch', 'chunk', 'time', 'period', 'while', 'duration', 'stretch'
            'delay', 'delays', 'impact', 'outage', 'disruption', 'interruption', 'window', 'span'
        )
        # Units that, plural and with no number before them, are a vague amount ("blocked for hours", "within minutes",
        # "days behind", "gigabytes of logs").
        QuantityUnits = @(
            'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'kilobytes', 'megabytes', 'gigabytes'
            'terabytes', 'petabytes'
        )
        # Words for numbers, beside digits. "hundred", "thousand", "million", "billion" and "dozen" alone after a
        # quantifier ("several hundred") give no number.
        NumberWords = @(
            'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'
            'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty'
            'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion'
            'half', 'third', 'thirds', 'quarter', 'quarters', 'dozen'
        )
        # A plural unit followed by one of these points back to a moment before the incident, not an amount of it ("the
        # limit had been removed years ago").
        EarlierMarkers = @('ago', 'earlier', 'before', 'prior')
        # Phrases that hold one of the words above and count nothing.
        NotQuantities = @(
            'some reason', 'some point', 'some kind of', 'some sort of', 'some form of', 'some suspicion', 'some doubt'
            'some evidence', 'some indication', 'some concern', 'some confusion', 'largely because', 'mostly because'
            'largely due', 'mostly due', 'the most', 'at most', 'most likely', 'most probably', 'how many', 'as many as', 'as much as', 'as few as', 'business hours'
            'office hours', 'working hours', 'peak hours', 'off hours', 'after hours', 'opening hours', 'core hours'
            'man hours', 'person hours', 'meeting minutes'
        )

        # Hedging. The guide: "We did not have alerting on X", not "unfortunately alerting was missing". A sentence
        # hedges when it doubts its own fact or dresses it in feeling. These phrases hedge wherever they stand: feelings,
        # modal hedges, appearances, hearsay and qualified certainty.
        Hedges = @(
            'unfortunately', 'sadly', 'regrettably', 'unluckily', 'luckily', 'fortunately', 'hopefully', 'thankfully'
            'mercifully', 'alas', 'somehow', 'kind of', 'sort of'
            'might', 'may have', 'may be', 'may well', 'may also have', 'may not have', 'may also be', 'could have'
            'could well', 'could also have', 'would likely', 'would probably'
            'it seems', 'seems to', 'seem to', 'seems like', 'it appears', 'appears that', 'appears to be'
            'appears to have', 'appear to be', 'appear to have', 'it would appear', 'it looks like', 'it sounds like'
            'looks as if', 'looks as though', 'it is possible', "it's possible", 'it is probable', 'it is conceivable'
            'it is plausible', 'it is likely', "it's likely", 'to our knowledge', 'to the best of our knowledge'
            'for some reason', 'for whatever reason', 'for unknown reasons', 'for reasons unknown', 'in all likelihood'
            'almost certainly', 'according to one', 'according to some', 'according to reports', 'according to rumours'
            'according to rumors', 'is said to', 'are said to', 'is thought to', 'are thought to', 'is believed to'
            'are believed to', 'is suspected', 'are suspected', 'fairly confident', 'reasonably confident'
            'pretty confident', 'fairly sure', 'reasonably sure', 'pretty sure', 'not sure', 'not entirely sure'
            'not certain', 'not entirely certain', 'unsure'
        )
        # Adverbs that doubt the fact they stand in ("the handshake probably timed out").
        EpistemicAdverbs = @(
            'probably', 'possibly', 'likely', 'presumably', 'perhaps', 'maybe', 'arguably', 'reportedly', 'supposedly'
            'allegedly', 'potentially', 'conceivably', 'seemingly', 'apparently', 'ostensibly', 'purportedly'
        )
        # A belief in place of the fact: "we think", "I suspect", "we now believe" (present tense: "we assumed the replica
        # was in sync" reports what was assumed, and is a fact).
        BeliefVerbs = @(
            'think', 'believe', 'suspect', 'assume', 'guess', 'presume', 'suppose', 'reckon', 'speculate', 'hypothesize'
            'hypothesise', 'feel'
        )
        # What a sentence says is not known, after "is", "are" or "remains" ("the cause remains unclear", "for reasons
        # that are not yet clear").
        UncertainStates = @(
            'unclear', 'uncertain', 'unknown', 'not clear', 'not yet clear', 'not entirely clear', 'not fully clear'
            'not known', 'not yet known', 'not understood', 'not yet understood', 'not fully understood'
        )
        # What a change is hoped to do, after "should" ("the fix should address the instability", "this should not
        # happen again"); "the runbook should say ..." is a requirement, not a hope.
        HopedOutcomes = @(
            'address', 'fix', 'resolve', 'solve', 'prevent', 'help', 'reduce', 'eliminate', 'mitigate', 'avoid', 'stop'
            'improve', 'work', 'hold', 'happen', 'recur', 'suffice', 'cover'
        )
        # A belief named as a noun, before "that" or "is that" ("there is some suspicion that", "our theory is that").
        BeliefNouns = @('suspicion', 'theory', 'hypothesis', 'impression', 'indication', 'indications', 'hunch', 'guess')
        # Phrases that hold a hedging word and hedge nothing: a comparison, a risk, a capability, a kind of thing.
        NotHedges = @(
            'more likely', 'less likely', 'as likely', 'equally likely', 'likely to', 'a potentially', 'the potentially'
            'possible to', 'more probably', 'this kind of', 'that kind of', 'the kind of', 'a kind of', 'any kind of'
            'some kind of', 'what kind of', 'this sort of', 'that sort of', 'the sort of', 'a sort of', 'any sort of'
            'some sort of', 'what sort of'
        )

        # The tone rules (TimelineTense, SpecificTimes, VagueQuantity, Hedging) leave quotes as they are: text in
        # quotation marks or backticks, and events whose source is one of these (what Import-TimelineEvent and
        # Add-TimelineEvent -Source record), taken word for word from chat, alerts or logs. The blame and secret
        # rules still read them.
        QuotedSources = @(
            'slack', 'teams', 'mattermost', 'discord', 'zulip', 'irc', 'chat', 'alertmanager', 'pagerduty'
            'opsgenie', 'alert', 'alerts', 'grafana', 'prometheus', 'datadog', 'kubectl', 'journald', 'syslog'
            'log', 'logs', 'email'
        )

        # SeverityMatchesImpact. The guide's Severity Guide.
        SecurityBreachPhrases = @(
            'security breach', 'data breach', 'security incident', 'unauthorized access', 'unauthorised access'
            'compromised credentials', 'credentials were compromised', 'leaked credentials', 'credentials leaked'
            'data exfiltration', 'exfiltrated', 'intrusion', 'account takeover'
        )
        CompleteOutagePhrases = @(
            'complete outage', 'total outage', 'full outage', 'completely unavailable', 'entirely unavailable'
            'completely down', 'fully down', 'hard down', 'all services down', 'everything was down'
        )
        AllUsersPhrases = @(
            'all users', 'every user', 'all customers', 'every customer', 'everyone', 'all tenants'
        )
        NoUserImpactPhrases = @(
            'none', 'no users', 'no user', '0', 'zero', 'nobody', 'no one', 'no user impact', 'no customers'
            'no customer impact', 'not user-facing', 'no impact'
        )
    }
}
