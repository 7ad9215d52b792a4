using System.Security.Cryptography;
using System.Text;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.ApiKeys;
using Portal.Domain.Users;

namespace Portal.Application.ApiKeys;

/// <summary>
/// Who a presented key is, if anyone: a key that exists, whose secret matches, and that is neither revoked nor expired.
/// Its last use is noted at most once a minute, so a busy integration does not write a row per call.
/// </summary>
public sealed record AuthenticateApiKey(string Presented) : IRequest<ApiKeyIdentity?>
{
    public override string ToString() => nameof(AuthenticateApiKey);
}

public sealed record ApiKeyIdentity(int Id, string Name, StaffRole Role, int? RequestsPerMinute);

public sealed class AuthenticateApiKeyHandler(IRepository<ApiKey> apiKeys, ITokenGenerator tokens, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<AuthenticateApiKey, ApiKeyIdentity?>
{
    // pk_ + public id + _ + at least a few characters of secret; anything longer than any key we issue is not ours.
    private const int MaxLength = 256;

    public async ValueTask<ApiKeyIdentity?> Handle(AuthenticateApiKey query, CancellationToken cancellationToken)
    {
        if (PublicIdOf(query.Presented) is not { } publicId) return null;
        var key = await apiKeys.FirstOrDefaultAsync(new ApiKeyByPublicIdSpec(publicId), cancellationToken);
        if (key is null) return null;
        var presentedHash = Encoding.ASCII.GetBytes(tokens.Hash(query.Presented));
        if (!CryptographicOperations.FixedTimeEquals(presentedHash, Encoding.ASCII.GetBytes(key.SecretHash))) return null;
        var now = clock.GetUtcNow();
        if (!key.IsUsableAt(now)) return null;
        if (key.NoteUse(now)) await unitOfWork.SaveChangesAsync(cancellationToken);
        return new ApiKeyIdentity(key.Id, key.Name, key.Role, key.RequestsPerMinute);
    }

    public static string? PublicIdOf(string? presented)
    {
        if (presented is null || presented.Length > MaxLength || !presented.StartsWith(ApiKey.Prefix, StringComparison.Ordinal)) return null;
        var rest = presented.AsSpan(ApiKey.Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator != ApiKey.PublicIdLength || rest.Length <= separator + 1) return null;
        var publicId = rest[..separator].ToString();
        return publicId.All(Uri.IsHexDigit) ? publicId : null;
    }
}
