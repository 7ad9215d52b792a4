using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess.Jobs;

namespace Portal.UnitTests.Domain;

/// <summary>A job's rows are fixed at its start; its totals move only by settled batches, and the last one completes it.</summary>
public sealed class PortalAccessJobTests
{
    private static (PortalAccessJob Job, IReadOnlyList<PortalAccessJobItem> Items) Job(int rows, PortalAccessJobKind kind = PortalAccessJobKind.Grant) =>
        PortalAccessJob.Create(kind, Enumerable.Range(1, rows).ToList(), "NoAccess: acme", " Hello ", 7, "Admin <admin@x>", Given.Now);

    [Fact]
    public void A_new_job_is_queued_with_one_pending_row_per_distinct_contact()
    {
        var (job, items) = PortalAccessJob.Create(PortalAccessJobKind.Grant, [3, 1, 3], "All", null, 7, "Admin", Given.Now);

        job.Status.ShouldBe(PortalAccessJobStatus.Queued);
        job.Total.ShouldBe(2);
        items.Select(i => i.ContactId).ShouldBe([3, 1]);
        items.ShouldAllBe(i => i.Outcome == PortalAccessJobOutcome.Pending && i.Job == job);
    }

    [Fact]
    public void A_revoke_job_keeps_no_welcome_message_and_a_grant_keeps_it_trimmed()
    {
        Job(1).Job.WelcomeMessage.ShouldBe("Hello");
        Job(1, PortalAccessJobKind.Revoke).Job.WelcomeMessage.ShouldBeNull();
    }

    [Fact]
    public void Batches_add_up_and_the_last_one_completes_the_job_with_an_activity_entry_of_its_totals()
    {
        var (job, _) = Job(700);

        job.RecordBatch(480, 20, Given.Now.AddSeconds(1));
        (job.Status, job.Remaining, job.StartedAt).ShouldBe((PortalAccessJobStatus.Running, 200, Given.Now.AddSeconds(1)));
        job.DomainEvents.ShouldBeEmpty();

        job.RecordBatch(199, 1, Given.Now.AddSeconds(2));
        (job.Status, job.Done, job.Refused, job.FinishedAt).ShouldBe((PortalAccessJobStatus.Completed, 679, 21, Given.Now.AddSeconds(2)));
        var completed = job.DomainEvents.OfType<PortalAccessJobCompleted>().ShouldHaveSingleItem();
        var entry = completed.ToActivity(actorUserId: null);
        (entry.Kind, entry.ActorUserId, entry.Detail, entry.SubjectName)
            .ShouldBe((ActivityKind.PortalAccessJobCompleted, 7, "Grant:679/21/700", "NoAccess: acme"));
    }

    [Fact]
    public void A_batch_can_not_settle_more_rows_than_remain_nor_touch_a_completed_job()
    {
        var (job, _) = Job(10);
        Should.Throw<ArgumentOutOfRangeException>(() => job.RecordBatch(8, 3, Given.Now));
        job.RecordBatch(10, 0, Given.Now);
        Should.Throw<InvalidOperationException>(() => job.RecordBatch(0, 0, Given.Now));
    }

    [Fact]
    public void A_row_is_settled_once_and_a_refusal_keeps_its_stable_code()
    {
        var (_, items) = Job(2);
        items[0].MarkRefused(DomainErrors.EmailInvalid);
        items[0].Reason.ShouldBe("Email.Invalid");
        Should.Throw<InvalidOperationException>(() => items[0].MarkDone());
        items[1].MarkDone();
        Should.Throw<InvalidOperationException>(() => items[1].MarkRefused(DomainErrors.EmailInvalid));
    }
    [Fact]
    public void Cancelling_a_running_job_keeps_its_settled_rows_counts_the_rest_as_cancelled_and_records_who_stopped_it()
    {
        var (job, _) = Job(1200);
        job.RecordBatch(490, 10, Given.Now.AddSeconds(1));

        job.Cancel(Given.Now.AddSeconds(2), 9, "Manager <m@x>");

        (job.Status, job.IsFinished, job.Done, job.Refused, job.Remaining, job.FinishedAt)
            .ShouldBe((PortalAccessJobStatus.Cancelled, true, 490, 10, 700, Given.Now.AddSeconds(2)));
        var entry = job.DomainEvents.OfType<PortalAccessJobCancelled>().ShouldHaveSingleItem().ToActivity(actorUserId: null);
        (entry.Kind, entry.ActorUserId, entry.ActorName, entry.Detail)
            .ShouldBe((ActivityKind.PortalAccessJobCancelled, 9, "Manager <m@x>", "Grant:490/10/1200/700"));
        Should.Throw<InvalidOperationException>(() => job.RecordBatch(1, 0, Given.Now));
    }

    [Fact]
    public void A_finished_job_can_not_be_cancelled_and_a_queued_one_can()
    {
        var (done, _) = Job(1);
        done.RecordBatch(1, 0, Given.Now);
        Should.Throw<DomainException>(() => done.Cancel(Given.Now, 9, "M")).Error.ShouldBe(DomainErrors.JobAlreadyFinished);

        var (queued, _) = Job(5);
        queued.Cancel(Given.Now, 9, "M");
        Should.Throw<DomainException>(() => queued.Cancel(Given.Now, 9, "M")).Error.ShouldBe(DomainErrors.JobAlreadyFinished);
        (queued.Status, queued.Remaining, queued.StartedAt).ShouldBe((PortalAccessJobStatus.Cancelled, 5, null));
    }

    [Fact]
    public void A_cancelled_row_is_settled_like_any_other()
    {
        var (_, items) = Job(1);
        items[0].MarkCancelled();
        items[0].Outcome.ShouldBe(PortalAccessJobOutcome.Cancelled);
        Should.Throw<InvalidOperationException>(() => items[0].MarkDone());
    }
}
