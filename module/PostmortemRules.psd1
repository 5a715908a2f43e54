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
        # Any English verb counts: the rule reads a verb list derived from WordNet 3.0 (built into the module). This
        # list adds the verbs of our trade WordNet lacks. RemoveWords stops a verb from counting, WordNet's included.
        ImperativeVerbs = @(
            'uninstall', 'backup', 'refactor', 'backfill', 'benchmark', 'reroute', 'onboard', 'unsubscribe', 'snapshot'
            'cordon', 'uncordon', 'shard', 'reshard', 'rebase', 'dedupe', 'deduplicate', 'autoscale', 'failover'
            'hotfix', 'backport', 'reindex', 'resync', 'rebalance', 'reprovision', 'repartition', 'reconfigure'
            'reimage', 'sunset', 'version', 'allowlist', 'denylist', 'blocklist', 'whitelist', 'canary', 'memoize'
            'debounce', 'preload', 'prefetch', 'precompute', 'geofence', 'lint', 'templatize', 'parameterize'
            'dockerize', 'virtualize', 'upsert'
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

        # VagueQuantity. The guide: "The service was unavailable for 47 minutes", not "there was some downtime".
        VagueQuantities = @(
            'some downtime', 'a while', 'for a while', 'a few users', 'some users', 'many users', 'several users'
            'a few customers', 'some customers', 'many customers', 'there was some', 'there were some'
            'some time', 'for some time', 'a bit', 'a little', 'a few minutes', 'several minutes', 'a few hours'
            'several hours', 'a number of', 'a lot of', 'lots of', 'quite a few', 'some impact', 'briefly'
            'a short time', 'a short while', 'some errors', 'a few errors', 'some requests', 'a handful of'
            'minor impact', 'significant impact', 'somewhat'
        )

        # Hedging. The guide: "We did not have alerting on X", not "unfortunately alerting was missing".
        Hedges = @(
            'unfortunately', 'sadly', 'regrettably', 'unluckily', 'luckily', 'fortunately', 'hopefully'
            'somehow', 'apparently', 'seemingly', 'it seems', 'it appears', 'kind of', 'sort of'
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
