using Mediator;
using Portal.Application.Common;
using Portal.Domain.Activity;

namespace Portal.Application.Activity;

/// <summary>Who did what is stored with the change itself: the activity list can't miss a committed change.</summary>
public sealed class RecordActivity(
    IRecordWriter<ActivityEntry> activity,
    ICurrentUser currentUser) : INotificationHandler<IRecordedActivity>
{
    public ValueTask Handle(IRecordedActivity notification, CancellationToken cancellationToken)
    {
        var entry = notification.ToActivity(currentUser.UserId);
        activity.Append(entry.By(currentUser.ActorKind));
        return ValueTask.CompletedTask;
    }
}
