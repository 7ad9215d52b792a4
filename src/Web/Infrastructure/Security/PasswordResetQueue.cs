using System.Net;
using System.Threading.Channels;
using Mediator;
using Portal.Application.Account;

namespace Portal.Web.Infrastructure.Security;

/// <summary>
/// Handles "forgot your password?" requests after their answer has gone out, one after another, each in a scope of its own.
/// The requester's address goes with each, so the security activity names it as if the request had issued the link itself.
/// A request lost in a restart costs the requester one more click; a queue that is full turns new requests away rather
/// than grow without bound.
/// </summary>
internal sealed class PasswordResetQueue(
    IServiceScopeFactory scopes,
    IHttpContextAccessor httpContext,
    ILogger<PasswordResetQueue> logger) : BackgroundService, IPasswordResetQueue
{
    private const int Capacity = 1000;

    private readonly Channel<QueuedPasswordReset> _requests = Channel.CreateBounded<QueuedPasswordReset>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Enqueue(QueuedPasswordReset request) => _requests.Writer.TryWrite(request);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await IssueAsync(request, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A queued password reset request failed.");
            }
        }
    }

    private async Task IssueAsync(QueuedPasswordReset request, CancellationToken cancellationToken)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.TryParse(request.IpAddress, out var address) ? address : null;
        httpContext.HttpContext = context;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RequestPasswordReset(request.Email), cancellationToken);
        }
        finally
        {
            httpContext.HttpContext = null;
        }
    }
}
