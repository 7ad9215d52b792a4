using FluentValidation;
using FluentValidation.Results;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.MySecurity;

/// <summary>Forms that change something sensitive ask for the current password again; a wrong one is an error on that field.</summary>
internal static class CurrentPassword
{
    /// <summary>
    /// The re-entered current password: required, and never longer than any password could be. Only a request marked
    /// <see cref="IReentersCurrentPassword"/> takes it, so that the password is also checked, and a wrong one counted.
    /// </summary>
    public static IRuleBuilderOptions<T, string> EnteredAsCurrentPassword<T>(this IRuleBuilderInitial<T, string> rule)
        where T : IReentersCurrentPassword =>
        rule.NotEmpty().WithMessage(ChangeMyPasswordValidator.CurrentRequired)
            .MaximumLength(PasswordPolicy.MaxLength * 4).WithMessage(ChangeMyPasswordValidator.CurrentWrong);
}
