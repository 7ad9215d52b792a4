using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.FunctionalTests.Support;

/// <summary>One request a <see cref="WebhookReceiver"/> took in.</summary>
public sealed record ReceivedWebhook(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}

/// <summary>
/// A webhook receiver on 127.0.0.1: a plain HTTP/1.1 server on a socket of its own, which records every request and answers
/// with the next status a test queued (200 when none is).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<HttpStatusCode> _answers = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url(string path = "/portal-events") => $"http://127.0.0.1:{Port}{path}";

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public int Connections => _connections;

    private int _connections;

    public void AnswerNext(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses) _answers.Enqueue(status);
    }

    public Task<ReceivedWebhook> WaitForAsync(Func<ReceivedWebhook, bool> match, string what) =>
        Eventually.HoldsAsync(() => Task.FromResult(Received.FirstOrDefault(match)), r => r is not null, what)!;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        try
        {
            var head = new StringBuilder();
            var buffer = new List<byte>();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (await stream.ReadAsync(one, _stop.Token) == 0) return;
                head.Append((char)one[0]);
            }
            var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var requestLine = lines[0].Split(' ');
            var headers = lines.Skip(1).Select(l => l.Split(':', 2))
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var length = headers.TryGetValue("Content-Length", out var l) ? int.Parse(l, CultureInfo.InvariantCulture) : 0;
            var body = new byte[length];
            var read = 0;
            while (read < length)
            {
                var n = await stream.ReadAsync(body.AsMemory(read), _stop.Token);
                if (n == 0) return;
                read += n;
            }
            Received.Enqueue(new ReceivedWebhook(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body)));
            var status = _answers.TryDequeue(out var queued) ? queued : HttpStatusCode.OK;
            var answer = Encoding.ASCII.GetBytes(
                $"HTTP/1.1 {(int)status} {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(answer, _stop.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
        {
            // A client that went away (or a TLS hello on the plain port) is no request.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
