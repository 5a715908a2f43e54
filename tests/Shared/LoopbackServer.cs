using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Postmortems.TestServers;

/// <summary>
/// The HTTP listener the stand-ins serve on: 127.0.0.1, a free port (or a given one), each request handed to the
/// stand-in's own handler. One file, linked into each stand-in's project.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private HttpListener? _listener;
    private CancellationTokenSource? _stopping;
    private Task? _acceptLoop;
    private Uri? _baseUri;

    public Uri BaseUri => _baseUri ?? throw new InvalidOperationException("The server has not been started.");

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/>, or on a free port when it is 0.</summary>
    public void Start(int port, Func<HttpListenerContext, Task> serve)
    {
        if (_listener is not null) throw new InvalidOperationException("The server is already started.");
        Exception? last = null;
        for (int attempt = 0; attempt < 20; attempt++)
        {
            int candidate = port != 0 ? port : FindFreePort();
            var listener = new HttpListener();
            var prefix = $"http://127.0.0.1:{candidate}/";
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
            }
            catch (HttpListenerException ex)
            {
                last = ex;
                listener.Close();
                if (port != 0) throw;
                continue;
            }
            _listener = listener;
            _baseUri = new Uri(prefix);
            _stopping = new CancellationTokenSource();
            var stopping = _stopping.Token;
            _acceptLoop = Task.Run(() => AcceptLoopAsync(listener, serve, stopping));
            return;
        }
        throw new InvalidOperationException("Could not find a free port on 127.0.0.1.", last);
    }

    private static int FindFreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }

    /// <summary>Stops listening. In-flight requests are abandoned.</summary>
    public void Dispose()
    {
        var listener = _listener;
        if (listener is null) return;
        _listener = null;
        _stopping?.Cancel();
        try
        {
            listener.Stop();
            listener.Close();
        }
        catch (ObjectDisposedException)
        {
        }
        catch (HttpListenerException)
        {
            // Close after Stop looks the port up again, and fails when another process took it in between (seen with
            // several stand-ins starting and stopping at once): the listener is stopped either way.
        }
        try
        {
            _acceptLoop?.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }
        _stopping?.Dispose();
    }

    private static async Task AcceptLoopAsync(HttpListener listener, Func<HttpListenerContext, Task> serve, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => serve(context));
        }
    }

    /// <summary>
    /// Closes the connection with nothing written. HttpListenerResponse.Abort() alone is not enough on Linux and
    /// macOS: the managed HttpListener first flushes a "200 OK" header block. So the socket under the context is
    /// closed first (found by reflection on the managed implementation); on Windows (http.sys), where there is
    /// no such socket, Abort() resets the connection itself.
    /// </summary>
    public static void Drop(HttpListenerContext context)
    {
        try
        {
            const BindingFlags flags = BindingFlags.NonPublic | BindingFlags.Instance;
            var connection = context.GetType().GetField("_connection", flags)?.GetValue(context);
            if (connection?.GetType().GetField("_socket", flags)?.GetValue(connection) is Socket socket)
            {
                socket.Close();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or FieldAccessException or TargetException)
        {
        }
        try
        {
            context.Response.Abort();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException or HttpListenerException)
        {
        }
    }
}
