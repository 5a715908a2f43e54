<#
    The word lists Test-Postmortem's rules use, as the module ships them. This file is for reading: the module
    carries the same data inside it. To change the lists or the rules for your team, write a settings file of
    your own and pass it as Test-Postmortem -Settings ./team.psd1 (see about Test-Postmortem in the README):

        @{
            ExcludeRules = @('Hedging')                                    # turn rules off
            Rules        = @{ VagueQuantity = @{ Severity = 'Error' } }    # change a rule's severity
            AddWords     = @{ BlamePhrases = @('fat-fingered') }           # add entries to a list
            RemoveWords  = @{ ImperativeVerbs = @('review') }              # remove entries from a list
            ActionItemDueDays = @{ P1 = 14 }                               # change a priority's due time
        }

    Phrases match whole words, ignoring case, punctuation and line breaks.
#>
@{
    # ActionItemDueByPriority and Get-ActionItem: the days an action item of each priority may take, counted from the
    # incident's date. An item without a due date of its own is due on the incident's date plus these days. The guide
    # sets no time; P1 and P2 are the 4 and 8 weeks Atlassian's incident handbook gives its priority actions.
    ActionItemDueDays = @{ P1 = 28; P2 = 56; P3 = 84 }

    WordLists = @{
        # BlamelessLanguage, BlamelessTimeline, FiveWhysEndsInSystem. The guide: "'Engineer ran the wrong command'
        # is not a root cause." Words that judge a person or name a person's error, found anywhere.
        BlamePhrases = @(
            'human error', 'operator error', 'user error', 'engineer error', 'pilot error', 'personal error'
            'fat-fingered', 'fat finger', 'fat fingered', 'forgot to', 'forgot', 'careless', 'carelessness', 'carelessly'
            'sloppy', 'negligence', 'negligent', 'should have known', 'should have checked', 'should have noticed'
            'should have been more careful', 'should have caught', 'should have seen'
            'blame', 'blamed', 'to blame', 'at fault', 'his fault', 'her fault', 'their fault', 'our fault'
            "operator's mistake", "engineer's mistake", "developer's mistake", "admin's mistake", 'his mistake', 'her mistake'
            'did not pay attention', "didn't pay attention", 'not paying attention', 'failed to notice', 'did not notice'
            "didn't notice", 'did not bother', 'bothered to', 'lazy', 'incompetent', 'incompetence', 'stupid', 'stupidity'
            'mistake by', 'screwed up', 'messed up', 'tired', 'overworked', 'absent-minded', 'inexperienced'
            'in a hurry', 'distracted', 'not careful', 'against the rules', 'human-caused', 'human caused'
            'admin error', 'administrator error', 'staff error', 'human mistake', 'too busy', 'lax', 'complacent'
            'complacency', 'my mistake', 'my fault', 'i was responsible', 'i am responsible', 'i caused'
        )

        # Who may not be the one who acted in a root cause, a why or an event ("The engineer deleted ...",
        # "Engineers decided ..."), plurals included, besides pronouns (he, she, I, they), initials ("YP") and the
        # names of the postmortem's authors, reviewers, owners and approvers.
        PersonNouns = @(
            'engineer', 'operator', 'developer', 'dev', 'programmer', 'admin', 'administrator', 'sysadmin', 'intern'
            'contractor', 'employee', 'technician', 'dba', 'staff member', 'team member', 'person', 'someone', 'somebody'
            'new hire', 'sre', 'on call', 'oncall', 'on call engineer', 'release manager', 'engineering manager'
            'product manager', 'project manager', 'support agent', 'analyst', 'architect', 'tech lead', 'team lead'
            'maintainer', 'coworker', 'colleague', 'staffer', 'staff', 'consultant', 'maintenance worker'
            'field engineer', 'site engineer', 'data center technician', 'admin on call'
        )

        # Verb forms the word's shape does not tell (a past in -ed and a present in -s are seen by their ending).
        PersonVerbs = @(
            'ran', 'run', 'forgot', 'made', 'did', "didn't", 'took', 'broke', 'wrote', 'set', 'put', 'chose', 'sent', 'gave'
            'left', 'overwrote', 'hit', 'shut', 'misread', 'mistook', 'should', 'must', 'needs', 'has', 'had', 'will', 'shall'
            'began', 'kept', 'cut', 'let', 'led', 'built', 'rebuilt', 'brought', 'thought', 'knew', 'saw', 'went'
            'got', 'told', 'said', 'found', 'swapped', 'upset', 'reset', 'wiped', 'dropped', 'stopped', 'shipped', 'slipped'
            'undid', 'redid', 'overrode', 'rewrote', 'withdrew', 'drove', 'froze', 'spun', 'struck'
        )
        # Words that may stand between the person and the verb.
        Adverbs = @(
            'accidentally', 'mistakenly', 'also', 'then', 'just', 'again', 'wrongly', 'inadvertently', 'unintentionally'
            'simply', 'never', 'not', 'manually', 'still', 'only', 'already', 'quickly', 'immediately', 'later', 'finally'
            'unknowingly', 'erroneously', 'incorrectly', 'hastily', 'mistakingly', 'first', 'now'
        )

        # After the person, these keep the sentence about the system ("The operator had no way to ...").
        SystemFramings = @(
            'had no', 'has no', 'lacked', 'could not', "couldn't", 'was not able', 'were not able', 'did not have'
            "didn't have", 'was not given', 'was never told', 'had no way', 'received no', 'got no', 'saw no'
            'did not receive', "didn't receive", 'was not alerted', 'was not paged', 'were not paged', 'were not alerted'
            'could see no', 'could no longer', 'could no', 'had not been told', 'was not told', 'were not told', 'did not know', "didn't know"
        )

        # Steps of the response and of talking: a person who did one of these harmed nothing ("The on-call engineer
        # acknowledged the page", "At 14:20 Alice restored the database"), unless an ErrorMarker says otherwise.
        ResponseVerbs = @(
            'acknowledge', 'ack', 'page', 'escalate', 'declare', 'open', 'join', 'notice', 'realise', 'realize'
            'identify', 'investigate', 'diagnose', 'restore', 'recover', 'roll back', 'rollback', 'revert', 'mitigate'
            'post', 'announce', 'communicate', 'notify', 'inform', 'say', 'ask', 'hand', 'confirm', 'verify', 'monitor'
            'observe', 'see', 'find', 'discover', 'report', 'alert', 'call', 'contact', 'engage', 'coordinate', 'receive'
            'start investigating', 'begin investigating', 'look', 'check', 'update the status', 'respond', 'answer'
            'triage', 'resolve', 'fix', 'close', 'review', 'approve the rollback', 'assemble', 'convene', 'tell', 'share'
            'explain', 'reply', 'email', 'become aware', 'learn', 'update status', 'write the fix', 'write a fix'
            'write a patch', 'turn up', 'show up', 'come online'
            'wake', 'log in', 'log on', 'arrive', 'take over', 'hand over', 'hand off', 'decide to roll back'
            'failover', 'fail over', 'failback', 'drain', 'pause', 'note', 'determine', 'begin developing a plan'
            'start developing a plan', 'develop a plan', 'draw up a plan'
        )

        # Signs of an error in what a person did, which make even a step of the response count as blame
        # ("restarted the wrong service", "opened the incident only at 16:46").
        ErrorMarkers = @(
            'wrong', 'wrongly', 'by mistake', 'mistakenly', 'accidentally', 'inadvertently', 'unintentionally'
            'instead of', 'rather than', 'without checking', 'without testing', 'without review', 'without reviewing'
            'without waiting', 'without warning', 'without telling', 'without asking', 'without watching'
            'without approval', 'without a', 'without any', 'only at', 'too late', 'late', 'ignoring', 'ignored'
            'not realizing', 'not realising', 'incorrect', 'incorrectly', 'despite', 'against'
        )

        # Software that is named like a person or a role and is not one ("the Postgres operator promoted ...",
        # "Jenkins ran ...", "Hubot deployed ...").
        SystemNames = @(
            'jenkins', 'hubot', 'dependabot', 'renovate', 'orchestrator', 'kubernetes', 'k8s', 'postgres', 'postgresql'
            'mysql', 'mongodb', 'redis', 'kafka', 'zookeeper', 'etcd', 'consul', 'vault', 'nomad', 'terraform', 'ansible'
            'puppet', 'chef', 'argo', 'argocd', 'flux', 'spinnaker', 'systemd', 'cron', 'bot', 'robot', 'script', 'job'
            'controller', 'scheduler', 'autoscaler', 'agent', 'pipeline', 'service', 'daemon', 'lassie', 'prometheus'
            'elasticsearch', 'opensearch', 'cassandra', 'rabbitmq', 'nginx', 'envoy', 'istio', 'linkerd', 'helm'
            'haproxy', 'varnish', 'memcached', 'mongo', 'mariadb', 'sqlite', 'docker', 'containerd', 'kubelet', 'kubectl'
            'coredns', 'calico', 'cilium', 'keda', 'karpenter', 'certbot', 'letsencrypt', 'grafana', 'alertmanager'
            'pagerduty', 'opsgenie', 'datadog', 'sentry', 'splunk', 'github', 'gitlab', 'bitbucket', 'circleci', 'travis'
            'buildkite', 'heroku', 'cloudflare', 'fastly', 'akamai', 'aws', 'azure', 'gcp', 'google', 'amazon'
            'microsoft', 'digitalocean', 'linode', 'hetzner', 'ovh', 'vercel', 'netlify', 'stripe', 'twilio', 'okta'
            'auth0', 'slack', 'zoom', 'atlassian', 'jira', 'confluence', 'bookstack', 'mediawiki', 'wordpress'
            'django', 'rails', 'nodejs', 'cumin', 'scap', 'puppetdb', 'salt', 'saltstack', 'packer', 'vagrant'
            'openbao', 'keycloak', 'traefik', 'caddy', 'pgbouncer', 'patroni', 'stolon', 'vitess', 'tidb'
            # Things of the trade that the English word list (WordNet) lacks, so they are not taken for names; a
            # plural in -s counts too ("webhooks created after the backup were lost").
            'webhook', 'runbook', 'failover', 'failback', 'backend', 'frontend', 'hostname', 'namespace'
            'config', 'repo', 'cronjob', 'changelog', 'healthcheck', 'dataset', 'datastore', 'codebase'
            'wiki', 'blob', 'middleware', 'microservice', 'plugin', 'pod', 'subnet', 'tenant', 'kubeconfig', 'api', 'cdn'
        )

        # VagueActionItem. The guide's Bad column and their kin, found anywhere in the action: a care or an attitude
        # asked for, and a setting without its value ("Set max_connections to a sane value", "Tune it appropriately").
        VagueActionPhrases = @(
            'be more careful', 'more careful', 'be careful', 'add more monitoring', 'more monitoring'
            'improve communication', 'better communication', 'communicate better', 'improve monitoring'
            'improve documentation', 'improve testing', 'more testing', 'improve the process', 'improve process'
            'pay more attention', 'pay attention', 'be aware', 'keep an eye on', 'raise awareness'
            'be vigilant', 'take more care', 'as needed', 'where possible', 'if possible', 'etc'
            'as appropriate', 'appropriately', 'where appropriate', 'when appropriate', 'where necessary', 'as necessary'
            'sane value', 'sane values', 'sane default', 'sane defaults', 'sensible value', 'sensible values'
            'sensible level', 'sensible levels', 'sensible defaults', 'reasonable value', 'reasonable values'
            'reasonable level', 'reasonable levels', 'reasonable limit', 'reasonable limits', 'appropriate value'
            'appropriate values', 'appropriate level', 'appropriate levels', 'right value', 'proper value'
            'to understand', 'to better understand', 'to learn more', 'to figure out', 'more alerting', 'more logging'
            'more tests', 'more alerts', 'increase monitoring', 'increase alerting', 'increase testing', 'expand monitoring'
            'expand alerting', 'expand testing'
        )

        # VagueActionItem, at the start of the action (after "We will", "Continue to" and the like): work to decide
        # a change, not the change.
        VagueActionStarts = @(
            'investigate', 'look into', 'look at', 'try to', 'try and', 'make sure', 'consider', 'think about'
            'explore', 'discuss', 'figure out', 'research', 'check if', 'check whether', 'see if', 'maybe'
            'evaluate', 'assess', 'analyze', 'analyse', 'study', 'determine', 'identify', 'understand', 'brainstorm'
            'think through', 'work out', 'double-check', 'double check', 'reflect on', 'learn from'
        )

        # VagueActionItem, the verb of the action (after "We will", "Continue to" and the like): an intention to make
        # something better, vague unless the action gives a measure (a number, a threshold, "every week").
        VagueActionVerbs = @(
            'improve', 'enhance', 'strengthen', 'harden', 'revisit', 'review', 'revise', 'rethink', 'reconsider'
            'optimize', 'optimise', 'ensure', 'audit', 'remediate', 'address', 'tackle', 'prioritize', 'prioritise'
            'invest in', 'de-risk', 'derisk', 'streamline', 'bolster', 'reinforce', 'refine', 'mature', 'modernize'
            'modernise', 'better', 'focus on', 'emphasize', 'emphasise', 'educate', 'promote', 'encourage', 'foster'
            'strive', 'endeavour', 'endeavor', 'aim', 'work with'
        )

        # VagueActionItem: words that, in the verb's object ("Make deploys safer", "Provide more accurate
        # information", "Increase test coverage", "Acknowledge incidents early"), name a quality to reach, not a change.
        VagueActionQualities = @(
            'more', 'less', 'better', 'safer', 'easier', 'simpler', 'clearer', 'smoother', 'stronger', 'tighter'
            'robust', 'resilient', 'reliable', 'fragile', 'proactive', 'proactively', 'early', 'earlier', 'sooner'
            'quickly', 'promptly', 'timely', 'faster', 'coverage', 'likelihood', 'reliability', 'resilience'
            'robustness', 'visibility', 'awareness', 'maturity', 'some', 'several', 'various', 'further'
        )

        # VagueActionItem: after a light verb ("Take steps ...", "Make changes ...", "Begin a practice of ...") or
        # "our" ("Accelerate our bootstrapping process", "Update our training and tooling"), nouns that name an
        # effort or a whole practice, not a change to a system.
        VagueActionNouns = @(
            'steps', 'step', 'measures', 'stance', 'approach', 'posture', 'practice', 'practices', 'job', 'changes'
            'improvements', 'effort', 'efforts', 'action', 'actions', 'care', 'process', 'processes', 'strategy'
            'strategies', 'management', 'tooling', 'training', 'controls', 'safeguards', 'observability'
            'monitoring', 'alerting', 'communication', 'communications', 'testing', 'drills', 'procedures', 'culture'
            'policy', 'policies', 'mindset', 'post mortem', 'postmortem', 'post-mortem', 'retrospective', 'review', 'analysis'
        )
        # VagueActionItem: a time without its value, anywhere after the verb ("Reschedule the migration to an earlier
        # time"), unless the action gives a measure.
        VagueActionTimings = @(
            'earlier', 'sooner', 'quicker', 'more quickly', 'promptly', 'in a timely manner', 'as soon as possible', 'asap'
        )

        # VagueActionItem: settings that "Set", "Configure", "Tune" or "Adjust" must give a value for ("Set a lock
        # timeout" is vague; "Set the lock timeout to 5 seconds" is a change).
        SettingNouns = @(
            'timeout', 'timeouts', 'limit', 'limits', 'threshold', 'thresholds', 'ttl', 'retention', 'quota', 'quotas'
            'interval', 'intervals', 'max_connections', 'budget', 'budgets'
        )

        # VagueActionItem: a purpose that only promises the incident will not recur; after "so (that)" it names no change.
        VagueActionPurposes = @(
            'happen again', 'happens again', 'happening again', 'recur', 'recurs', 'reoccur', 'similar issues'
            'similar incidents', 'similar outages', 'in the future', 'this kind of', 'never again'
        )

        VagueActionLightVerbs = @(
            'take', 'make', 'do', 'conduct', 'begin', 'start', 'adopt', 'put', 'hold', 'perform', 'undertake', 'implement'
        )

        # VagueActionItem: words before the action's verb that promise it ("We will ...", "Continue to ..."); the
        # action is read from the verb after them.
        ActionLeadIns = @(
            'we will', "we'll", 'we are going to', "we're going to", 'we are', "we're", 'we need to', 'we should'
            'we must', 'we plan to', 'we want to', 'we intend to', 'we would like to', "we'd like to", 'we have to'
            'we shall', 'we can', 'continue to', 'continue', 'keep working to', 'plan to', 'aim to', 'work to', 'start to'
            'begin to', 'commit to'
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

        # DuplicateMilestone: the milestones that may mark more than one event (FirstSymptom, Detected,
        # InvestigationStarted, RootCauseIdentified, MitigationApplied, ServiceRestored, Resolved). None by default:
        # the template has one row for each.
        RepeatableMilestones = @()

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
            'man hours', 'person hours', 'meeting minutes', 'too many', 'too much', 'too few'
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
