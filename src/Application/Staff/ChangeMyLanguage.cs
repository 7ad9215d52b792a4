using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>
/// The signed-in colleague chooses their language (English or German): their mails are written in it and the back office
/// speaks it, unless the language switcher says otherwise on a browser. Any colleague may, for themselves.
/// </summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ChangeMyLanguage(string Language) : IStaffRequest, IRequest<Unit>;

public sealed class ChangeMyLanguageValidator : AbstractValidator<ChangeMyLanguage>
{
    public ChangeMyLanguageValidator() =>
        RuleFor(c => c.Language).Must(InternalUser.IsLanguage).WithMessage(DomainErrors.PageLanguageInvalid.Message);
}

public sealed class ChangeMyLanguageHandler(IRepository<InternalUser> staff, ICurrentUser currentUser, IUnitOfWork unitOfWork)
    : IRequestHandler<ChangeMyLanguage, Unit>
{
    public async ValueTask<Unit> Handle(ChangeMyLanguage command, CancellationToken cancellationToken)
    {
        var me = await staff.FirstOrDefaultAsync(new StaffMemberSpec(currentUser.UserId ?? 0), cancellationToken)
            ?? throw new NotFoundException("Staff member");
        if (me.ChangeLanguage(command.Language)) await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
