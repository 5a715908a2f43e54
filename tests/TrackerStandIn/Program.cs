using System.Globalization;

namespace Postmortems.TrackerStandIn;

/// <summary>
/// dotnet TrackerStandIn.dll [--port N] [--github-repo owner/name ...] [--github-token TOKEN[:login] ...]
///   [--gitlab-project group/project ...] [--gitlab-token TOKEN[:username] ...] [--jira-project KEY ...]
///   [--jira-user email:token ...]
/// Prints one line, "Listening on http://127.0.0.1:PORT/", and serves until stdin closes or the process is killed.
/// </summary>
public static class Program
{
    private const string Usage =
        "usage: TrackerStandIn [--port N] [--github-repo owner/name ...] [--github-token TOKEN[:login] ...] " +
        "[--gitlab-project group/project ...] [--gitlab-token TOKEN[:username] ...] [--jira-project KEY ...] [--jira-user email:token ...]";

    public static int Main(string[] args)
    {
        int port = 0;
        var seeds = new List<(string Option, string Value)>();
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--port":
                        port = int.Parse(Next(args, ref i), CultureInfo.InvariantCulture);
                        break;
                    case "--github-repo" or "--github-token" or "--gitlab-project" or "--gitlab-token" or "--jira-project" or "--jira-user":
                        var option = args[i];
                        do
                        {
                            seeds.Add((option, Next(args, ref i)));
                        }
                        while (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal));
                        break;
                    case "--help" or "-h":
                        Console.Error.WriteLine(Usage);
                        return 0;
                    default:
                        throw new ArgumentException($"Unknown argument '{args[i]}'.");
                }
            }
            // Seed once into a throwaway server so a bad value is reported before anything listens.
            Seed(new TrackerServer(), seeds);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var server = new TrackerServer { Seeder = s => Seed(s, seeds) };
        server.Seeder(server);
        server.Start(port);

        Console.Out.WriteLine($"Listening on {server.BaseUri}");
        Console.Out.Flush();

        // Serve until stdin reaches its end (the parent closed it) or the process is killed.
        using var stdin = Console.OpenStandardInput();
        var buffer = new byte[256];
        while (stdin.Read(buffer, 0, buffer.Length) > 0)
        {
        }
        return 0;
    }

    private static void Seed(TrackerServer server, List<(string Option, string Value)> seeds)
    {
        foreach (var (option, value) in seeds)
        {
            switch (option)
            {
                case "--github-repo":
                    server.GitHub.AddRepository(value);
                    break;
                case "--github-token":
                    {
                        var (token, login) = SplitOptional(value);
                        server.GitHub.AddToken(token, login ?? "octocat");
                        break;
                    }
                case "--gitlab-project":
                    server.GitLab.AddProject(value);
                    break;
                case "--gitlab-token":
                    {
                        var (token, username) = SplitOptional(value);
                        server.GitLab.AddToken(token, username ?? "root");
                        break;
                    }
                case "--jira-project":
                    server.Jira.AddProject(value);
                    break;
                case "--jira-user":
                    {
                        var (email, token) = SplitOptional(value);
                        server.Jira.AddUser(email, token ?? throw new ArgumentException($"Expected --jira-user email:token, got '{value}'."));
                        break;
                    }
            }
        }
    }

    private static string Next(string[] args, ref int i)
    {
        if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value.");
        return args[++i];
    }

    /// <summary>"a:b" as (a, b); "a" as (a, null). Splits at the first colon: tokens and e-mails hold none.</summary>
    private static (string, string?) SplitOptional(string value)
    {
        int colon = value.IndexOf(':');
        return colon < 0 ? (value, null) : (value[..colon], value[(colon + 1)..]);
    }
}
