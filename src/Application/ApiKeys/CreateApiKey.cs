using System.Security.Cryptography;
using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.ApiKeys;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.Application.ApiKeys;

/// <summary>
/// Creates a key for another system. The answer carries the secret, the only time it is ever readable: only its hash is
/// stored. <see cref="ExpiresOn"/> is the last day (UTC) the key works.
/// </summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record CreateApiKey(string Name, StaffRole Role, DateOnly? ExpiresOn = null, int? RequestsPerMinute = null)
    : IStaffRequest, IRequest<CreatedApiKey>;

/// <summary>The new key; <see cref="Secret"/> is what the other system sends as <c>Authorization: Bearer …</c>.</summary>
public sealed record CreatedApiKey(int Id, string Name, string Secret)
{
    public override string ToString() => $"{nameof(CreatedApiKey)} {{ Id = {Id}, Name = {Name} }}";
}

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator()
    {
        RuleFor(c => c.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= ApiKey.NameMaxLength && PlainText.IsOneVisibleLine(name))
            .WithMessage(DomainErrors.ApiKeyNameInvalid);
        RuleFor(c => c.Role).Must(ApiKey.IsGrantable).WithMessage(DomainErrors.ApiKeyRoleInvalid.Message);
        RuleFor(c => c.RequestsPerMinute).InclusiveBetween(1, ApiKey.MaxRequestsPerMinute)
            .WithMessage(DomainErrors.ApiKeyRateLimitInvalid);
    }
}

public sealed class CreateApiKeyHandler(
    IRepository<ApiKey> apiKeys,
    ITokenGenerator tokens,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<CreateApiKey, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var publicId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(ApiKey.PublicIdLength / 2));
        var secret = $"{ApiKey.Prefix}{publicId}_{tokens.Create().Token}";
        DateTimeOffset? expiresAt = command.ExpiresOn is { } day
            ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;
        var key = ApiKey.Create(command.Name, command.Role, expiresAt, command.RequestsPerMinute, publicId,
            new IssuedToken(secret, tokens.Hash(secret)), now, currentUser.ActorName);
        await apiKeys.AddAsync(key, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(key.Id, key.Name, secret);
    }
}
