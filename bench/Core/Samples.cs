using System;
using System.Text;

namespace Postmortems.Benchmarks
{
    /// <summary>The documents the benchmarks work on, built the same way as in bench/Invoke-Benchmarks.ps1.</summary>
    internal static class Samples
    {
        internal static readonly DateTime Start = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>10,000 timeline events and 1,000 action items, every section filled.</summary>
        internal static Postmortem Large()
        {
            var postmortem = new Postmortem("Large incident")
            {
                Date = new DateTime(2026, 11, 20),
                Severity = Postmortems.Severity.P2,
                Status = IncidentStatus.Resolved,
                ExecutiveSummary = "One. Two.",
                RootCause = "We had no guard.",
                LessonsLearned = "One. Two.",
            };
            postmortem.Authors.Add("bench");
            postmortem.Impact.ServicesAffected.Add("x");
            postmortem.Impact.UsersAffected = "all users";
            postmortem.Impact.DataLoss = false;
            for (int i = 0; i < 10_000; i++)
            {
                var milestone = i == 0 ? Milestone.FirstSymptom : i == 9_999 ? Milestone.Resolved : Milestone.None;
                postmortem.Timeline.Add(new TimelineEvent(Start.AddSeconds(i * 7), $"Event {i} | with \"text\" and <markup>", milestone, "bench"));
            }
            for (int i = 0; i < 1_000; i++)
            {
                postmortem.ActionItems.Add(new ActionItem($"Add guard {i}") { Owner = "team", DueDate = new DateTime(2026, 12, 20), Priority = ActionPriority.P2 });
            }
            return postmortem;
        }

        /// <summary>The corpus document: ten events, a factor and an action item.</summary>
        internal static Postmortem Small()
        {
            var postmortem = new Postmortem("Corpus incident")
            {
                Date = new DateTime(2026, 11, 20),
                Severity = Postmortems.Severity.P2,
                Status = IncidentStatus.Resolved,
                ExecutiveSummary = "Checkout failed for 47 minutes. 3,100 customers were affected.",
                RootCause = "We had no chain check.",
                LessonsLearned = "Verify chains. Automate checks.",
            };
            postmortem.Authors.Add("bench");
            for (int i = 0; i < 10; i++)
            {
                var milestone = i == 0 ? Milestone.FirstSymptom : i == 1 ? Milestone.Detected : i == 9 ? Milestone.Resolved : Milestone.None;
                postmortem.Timeline.Add(new TimelineEvent(Start.AddMinutes(i * 5), $"Step {i}", milestone, "bench"));
            }
            postmortem.ContributingFactors.Add("No alert on chain errors");
            postmortem.ActionItems.Add(new ActionItem("Add a chain check") { Owner = "team", DueDate = new DateTime(2026, 12, 1), Priority = ActionPriority.P1 });
            return postmortem;
        }

        /// <summary>JSON lines as an application logs them, <paramref name="count"/> records.</summary>
        internal static string JsonLines(int count)
        {
            var text = new StringBuilder(count * 200);
            for (int i = 0; i < count; i++)
            {
                text.Append("{\"@timestamp\":\"").Append(Start.AddMilliseconds(i * 37).ToString("yyyy-MM-ddTHH:mm:ss.fffZ"))
                    .Append("\",\"level\":\"info\",\"msg\":\"request ").Append(i).Append(" served\",\"detail\":\"").Append('x', 120).Append("\"}\n");
            }
            return text.ToString();
        }

        /// <summary>A kubectl get events -o json document with <paramref name="count"/> events.</summary>
        internal static string KubectlEvents(int count)
        {
            var text = new StringBuilder(count * 330).Append("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[");
            for (int i = 0; i < count; i++)
            {
                if (i > 0) text.Append(',');
                text.Append("{\"apiVersion\":\"v1\",\"count\":1,\"firstTimestamp\":\"").Append(Start.AddSeconds(i).ToString("yyyy-MM-ddTHH:mm:ssZ"))
                    .Append("\",\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"app-").Append(i)
                    .Append("\",\"namespace\":\"prod\"},\"kind\":\"Event\",\"message\":\"Back-off restarting failed container app in pod app-").Append(i)
                    .Append("\",\"metadata\":{\"name\":\"app-").Append(i).Append(".1\",\"namespace\":\"prod\"},\"reason\":\"BackOff\",\"type\":\"Warning\"}\n");
            }
            return text.Append("]}").ToString();
        }
    }
}
