using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace Portal.FunctionalTests.Support;

/// <summary>
/// A real SMTP server on 127.0.0.1 that keeps every message it receives; it can be stopped and started again on the same
/// port.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource? _running;
    private Task? _serverTask;

    public SmtpSink()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => _messages.ToArray();

    /// <summary>Called with each message as it is stored, before the server answers the sender.</summary>
    public Action<MimeMessage>? Received { get; set; }

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(builder => builder.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages, message => Received?.Invoke(message)));
        services.Add(new RefusingFilter(_refused));
        _running = new CancellationTokenSource();
        _serverTask = new SmtpServerHost(options, services).StartAsync(_running.Token);
    }

    public async Task StopAsync()
    {
        if (_running is null) return;
        await _running.CancelAsync();
        try { if (_serverTask is not null) await _serverTask; }
        catch (OperationCanceledException) { }
        _running.Dispose();
        _running = null;
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        _messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until <paramref name="count"/> messages to <paramref name="address"/> have arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var found = To(address);
            if (found.Count >= count) return found;
            await Task.Delay(25);
        }
        throw new TimeoutException($"Expected {count} mail(s) to {address}, got {To(address).Count}.");
    }

    /// <summary>From now on the server answers mail to <paramref name="address"/> with "550 mailbox unavailable", for good.</summary>
    public void RefuseRecipient(string address) => _refused[address] = true;

    public void AcceptRecipient(string address) => _refused.TryRemove(address, out _);

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class RefusingFilter(ConcurrentDictionary<string, bool> refused) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!refused.ContainsKey($"{to.User}@{to.Host}"));
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages, Action<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            messages.Enqueue(message);
            received(message);
            return SmtpResponse.Ok;
        }
    }
}
