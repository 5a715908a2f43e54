using System.Globalization;

namespace Postmortems.BookStackStandIn;

/// <summary>
/// dotnet BookStackStandIn.dll [--port N] [--token id:secret ...] [--book id:name ...] [--requests-per-minute N]
/// Prints one line, "Listening on http://127.0.0.1:PORT/", and serves until stdin closes or the process is killed.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        int port = 0;
        int? perMinute = null;
        var tokens = new List<(string Id, string Secret)>();
        var books = new List<(int Id, string Name)>();
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--port":
                        port = int.Parse(Next(args, ref i), CultureInfo.InvariantCulture);
                        break;
                    case "--requests-per-minute":
                        perMinute = int.Parse(Next(args, ref i), CultureInfo.InvariantCulture);
                        break;
                    case "--token":
                        do
                        {
                            var (id, secret) = SplitPair(Next(args, ref i), "--token id:secret");
                            tokens.Add((id, secret));
                        }
                        while (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal));
                        break;
                    case "--book":
                        do
                        {
                            var (id, name) = SplitPair(Next(args, ref i), "--book id:name");
                            books.Add((int.Parse(id, CultureInfo.InvariantCulture), name));
                        }
                        while (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal));
                        break;
                    case "--help":
                    case "-h":
                        Console.Error.WriteLine("usage: BookStackStandIn [--port N] [--token id:secret ...] [--book id:name ...] [--requests-per-minute N]");
                        return 0;
                    default:
                        throw new ArgumentException($"Unknown argument '{args[i]}'.");
                }
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: BookStackStandIn [--port N] [--token id:secret ...] [--book id:name ...] [--requests-per-minute N]");
            return 2;
        }

        using var server = new BookStackServer();
        server.Seeder = s =>
        {
            foreach (var (id, secret) in tokens) s.AddToken(id, secret);
            foreach (var (id, name) in books) s.AddBook(id, name);
            s.RequestsPerMinute = perMinute;
        };
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

    private static string Next(string[] args, ref int i)
    {
        if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value.");
        return args[++i];
    }

    private static (string, string) SplitPair(string value, string usage)
    {
        int colon = value.IndexOf(':');
        if (colon <= 0) throw new ArgumentException($"Expected {usage}, got '{value}'.");
        return (value[..colon], value[(colon + 1)..]);
    }
}
