using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.MySecurity;

/// <summary>
/// Replaces the signed-in user's recovery codes after the current password is re-entered: every older code stops
/// working. Returns the new codes in plain text, the only time they exist unhashed.
/// </summary>
public sealed record RegenerateRecoveryCodes(string CurrentPassword) : IRequest<IReadOnlyList<string>>, IReentersCurrentPassword;

public sealed class RegenerateRecoveryCodesValidator : AbstractValidator<RegenerateRecoveryCodes>
{
    public RegenerateRecoveryCodesValidator() =>
        RuleFor(c => c.CurrentPassword).EnteredAsCurrentPassword();
}

public sealed class RegenerateRecoveryCodesHandler(
    IRepository<UserAccount> users,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork) : IRequestHandler<RegenerateRecoveryCodes, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(RegenerateRecoveryCodes command, CancellationToken cancellationToken)
    {
        var me = await users.MeAsync(currentUser, cancellationToken);

        var recoveryCodes = RecoveryCodes.Generate();
        me.ReplaceRecoveryCodes(recoveryCodes.Select(RecoveryCodes.Hash));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return recoveryCodes;
    }
}
