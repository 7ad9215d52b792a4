using Mediator;
using Portal.Application.Common;
using Portal.Domain.Pages;
using Portal.Domain.Users;

namespace Portal.Application.Pages;

/// <summary>Takes a page back to a draft; the site answers its address with 404 until it is published again.</summary>
[RequiresPermission(StaffPermission.ManagePages)]
public sealed record UnpublishPage(int Id) : IStaffRequest, IRequest<Unit>;

public sealed class UnpublishPageHandler(
    IRepository<PortalPage> pages,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
    : IRequestHandler<UnpublishPage, Unit>
{
    public async ValueTask<Unit> Handle(UnpublishPage command, CancellationToken cancellationToken)
    {
        var page = await pages.FirstOrDefaultAsync(new PageByIdSpec(command.Id), cancellationToken) ?? throw new NotFoundException("Page");
        page.Unpublish(clock.GetUtcNow(), currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
