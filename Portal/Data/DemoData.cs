using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Workflow;

namespace Portal.Data;

/// <summary>
/// Development demo data: a person for every role and bidang, and innovations spread over the SOP
/// steps. The innovations are played through the real workflow service on a simulated clock, so
/// their history, due dates and audit trail are exactly what real use would produce.
/// </summary>
public sealed class DemoData(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<PortalUser> users,
    SopCatalog sops,
    CalendarProvider calendars,
    InnovationEvents events,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<DemoData> logger)
{
    public const string Password = "inovasi-paser";

    /// <summary>A demo person: the position they hold (its level; named by their jabatan), or a portal role for the two accounts that hold none.</summary>
    public sealed record DemoPerson(string Nip, string FullName, PositionLevel? Level, string? BidangShortName, string Jabatan, string? PortalRole = null);

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new("197203151998031004", "Hj. Rahmawati Saleh, S.Sos., M.Si.", PositionLevel.KepalaDinas, null, "Kepala Dinas"),
        new("198001202005011003", "Nurul Hidayah, S.E., M.M.", PositionLevel.KepalaBidang, "PDIP", "Kepala Bidang Pemanfaatan Data dan Inovasi Pelayanan"),
        new("197905122003121002", "Hendra Gunawan, S.Sos.", PositionLevel.KepalaBidang, "Dafduk", "Kepala Bidang Pelayanan Pendaftaran Penduduk"),
        new("198107082006042001", "Siti Aminah, S.H.", PositionLevel.KepalaBidang, "Capil", "Kepala Bidang Pelayanan Pencatatan Sipil"),
        new("198203252008011005", "Agus Prasetyo, S.Kom.", PositionLevel.KepalaBidang, "PIAK", "Kepala Bidang Pengelolaan Informasi Administrasi Kependudukan"),
        new("197811302002121001", "Drs. Bambang Sutrisno", PositionLevel.KepalaBidang, "Sekretariat", "Sekretaris Dinas"),
        new("199204172019031008", "Rizky Ramadhan, S.Kom.", PositionLevel.Staf, "PDIP", "Pranata Komputer Ahli Pertama"),
        new("199308092020122003", "Dewi Lestari, S.IP.", PositionLevel.Staf, "PDIP", "Analis Kebijakan Ahli Pertama"),
        new("199012012015031006", "Fajar Nugroho, S.E.", PositionLevel.Staf, "Dafduk", "Administrator Database Kependudukan"),
        new("199106142017082002", "Maya Sari, S.H.", PositionLevel.Staf, "Capil", "Pengadministrasi Registrasi"),
        new("198506172010011012", "Rahmat Hidayat, S.Sos.", PositionLevel.KepalaSeksi, "Capil", "Kepala Seksi Kelahiran dan Kematian"),
        new("198909232014021007", "Yusuf Hakim, S.T.", PositionLevel.Staf, "PIAK", "Pranata Komputer Ahli Muda"),
        new("199502282022031004", "Andi Wijaya, S.AP.", PositionLevel.Staf, "Sekretariat", "Analis Sumber Daya Manusia Aparatur"),
        new("198512102010011009", "Admin Portal", null, "Sekretariat", "Pengelola Sistem Informasi", PortalRoles.Administrator),
        new("199701012023021001", "Layar Pemantau", null, null, "Layar TV ruang pelayanan", PortalRoles.Pemantau),
    ];

    /// <summary>A demo innovation: who proposes it, how far it got, and how its current step is doing.</summary>
    /// <param name="OutputReady">The current step's output is already attached, so its doer can move the card on at once.</param>
    private sealed record DemoInnovation(string Title, string Summary, string ProposerNip, int Step, Pace Pace, bool ReturnedOnce = false,
        InnovationType Type = InnovationType.Digital, bool OutputReady = false);

    private enum Pace { OnTime, DueSoon, Late, Finished }

    /// <summary>Working days before the demo's last day that the demo accounts were made, before any innovation.</summary>
    private const int AccountsCreatedWorkingDaysBack = 60;

    private static readonly IReadOnlyList<DemoInnovation> Innovations =
    [
        new("Dukcapil Goes to School", "Perekaman KTP-el dan penerbitan KIA langsung di sekolah-sekolah menengah se-Kabupaten Paser.", "199204172019031008", 1, Pace.OnTime, Type: InnovationType.NonDigital, OutputReady: true),
        new("KTP-el Jemput Bola Desa Terpencil", "Pelayanan perekaman KTP-el keliling ke desa-desa terpencil di Kecamatan Muara Komam dan Long Kali.", "199012012015031006", 1, Pace.Late, Type: InnovationType.NonDigital),
        new("Akta Kelahiran Online Terintegrasi Puskesmas", "Pengajuan akta kelahiran langsung dari puskesmas dan bidan desa melalui aplikasi daring.", "199106142017082002", 2, Pace.DueSoon, ReturnedOnce: true),
        new("Antrean Pelayanan via WhatsApp", "Pengambilan nomor antrean pelayanan Disdukcapil melalui WhatsApp dengan pengingat otomatis.", "199308092020122003", 2, Pace.OnTime, OutputReady: true),
        new("Layanan Malam Rabu", "Pembukaan loket pelayanan adminduk pada Rabu malam bagi pekerja yang tidak dapat datang di jam kerja.", "199502282022031004", 3, Pace.OnTime, Type: InnovationType.NonDigital),
        new("Si-PAKDE Desa", "Sistem Pelayanan Administrasi Kependudukan di Desa melalui operator desa yang terlatih.", "199204172019031008", 4, Pace.Late, ReturnedOnce: true),
        new("Pojok Baca Adminduk", "Pojok informasi dan literasi administrasi kependudukan di ruang tunggu pelayanan.", "199502282022031004", 5, Pace.OnTime, Type: InnovationType.NonDigital),
        new("IKD Paser: Aktivasi Identitas Kependudukan Digital", "Percepatan aktivasi Identitas Kependudukan Digital bagi ASN dan pelajar di Kabupaten Paser.", "198909232014021007", 6, Pace.DueSoon),
        new("Kartu Keluarga Mandiri Cetak Sendiri", "Pencetakan dokumen kependudukan secara mandiri dengan kertas HVS dan tanda tangan elektronik.", "199012012015031006", 6, Pace.Late, OutputReady: true),
        new("Layanan Adminduk Rumah Sakit (LARIS)", "Penerbitan akta kematian dan akta kelahiran bekerja sama dengan RSUD Panglima Sebaya.", "199106142017082002", 7, Pace.OnTime, OutputReady: true),
        new("Dashboard Data Kependudukan Kecamatan", "Dasbor data agregat kependudukan per kecamatan untuk perencanaan pembangunan.", "199308092020122003", 8, Pace.Late),
        new("Sertifikat Elektronik Pejabat Pencatatan Sipil", "Tanda tangan elektronik tersertifikasi BSrE untuk seluruh dokumen pencatatan sipil.", "198909232014021007", 9, Pace.OnTime, OutputReady: true),
        new("Pelayanan Disabilitas dan Lansia di Rumah", "Perekaman KTP-el di rumah bagi penduduk disabilitas dan lanjut usia.", "199204172019031008", 10, Pace.OnTime, Type: InnovationType.NonDigital),
        new("Kios Cetak Dokumen Mandiri (ADM)", "Anjungan Dukcapil Mandiri di Mal Pelayanan Publik Kabupaten Paser.", "198909232014021007", 10, Pace.Finished),
        new("Layanan Pindah Datang Satu Hari", "Penyelesaian surat pindah datang dalam satu hari kerja dengan verifikasi daring antardaerah.", "199012012015031006", 10, Pace.Finished, ReturnedOnce: true),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Users.AnyAsync(cancellationToken)) return;
        }

        var timeline = new DemoTimeline(await calendars.GetAsync(cancellationToken), clock.GetUtcNow());
        await SeedPeopleAsync(timeline);
        await SeedInnovationsAsync(timeline, cancellationToken);
        await SeedSecondSopAsync(timeline, cancellationToken);
        logger.LogInformation("Seeded {People} demo people, {Innovations} demo innovations and the second SOP with {Complaints} items",
            People.Count, Innovations.Count, Complaints.Count);
    }

    private async Task SeedPeopleAsync(DemoTimeline timeline)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var bidangByShortName = await db.Bidang.ToDictionaryAsync(b => b.ShortName, b => b.Id);
        var positions = new Dictionary<(string, int?), Position>();
        foreach (var person in People.Where(p => p.Level is not null))
        {
            var bidangId = person.Level == PositionLevel.KepalaDinas ? null : BidangOf(person);
            if (!positions.ContainsKey((person.Jabatan, bidangId)))
                positions[(person.Jabatan, bidangId)] = new Position { Name = person.Jabatan, Level = person.Level!.Value, BidangId = bidangId };
        }
        db.Positions.AddRange(positions.Values);
        await db.SaveChangesAsync();

        int? BidangOf(DemoPerson person) => person.BidangShortName is { } shortName ? bidangByShortName[shortName] : null;
        foreach (var person in People)
        {
            var user = new PortalUser
            {
                UserName = person.Nip,
                FullName = person.FullName,
                Jabatan = person.Jabatan,
                BidangId = person.BidangShortName is { } shortName ? bidangByShortName[shortName] : null,
                PositionId = person.Level is null ? null
                    : positions[(person.Jabatan, person.Level == PositionLevel.KepalaDinas ? null : BidangOf(person))].Id,
                CreatedAt = timeline.At(AccountsCreatedWorkingDaysBack, DemoTimeline.OfficeOpens),
            };
            Check(await users.CreateAsync(user, Password));
            if (person.PortalRole is { } role) Check(await users.AddToRoleAsync(user, role));
        }
    }

    private async Task SeedInnovationsAsync(DemoTimeline timeline, CancellationToken cancellationToken)
    {
        var simulated = new SimulatedClock();
        var workflow = ActivatorUtilities.CreateInstance<WorkflowService>(services, simulated, events);
        var outputs = ActivatorUtilities.CreateInstance<Portal.Features.Outputs.StepOutputs>(services, simulated, events);
        var (_, sop) = await sops.CurrentAsync(cancellationToken);
        var idsByNip = await UserIdsByNipAsync(cancellationToken);

        foreach (var demo in Innovations)
        {
            var proposer = People.Single(p => p.Nip == demo.ProposerNip);
            var path = PathTo(sop, demo);
            // Each earlier step took one to two working days; the current one has run for as long as its pace says.
            var currentStepAge = CurrentStepAge(sop.Step(demo.Step), demo.Pace);
            var workingDaysBack = path.Count * 2 + currentStepAge;
            simulated.Now = timeline.At(workingDaysBack, DemoTimeline.OfficeOpens);

            var created = await workflow.CreateAsync(new InnovationDetails
            {
                Title = demo.Title,
                Summary = demo.Summary,
                Background = "Masih banyak penduduk yang harus datang berulang kali ke kantor dinas untuk mengurus dokumen kependudukan.",
                Goal = "Mempercepat dan mempermudah pelayanan administrasi kependudukan.",
                Benefit = "Penduduk memperoleh dokumen lebih cepat dengan biaya dan waktu yang lebih sedikit.",
                Type = demo.Type,
                Affair = GovernmentAffair.PelayananPublik,
                StartDate = timeline.LocalDate(simulated.Now).ToDateTime(TimeOnly.MinValue),
            }, idsByNip[proposer.Nip], cancellationToken);

            foreach (var (action, remainingAfter) in path.Select((a, i) => (a, path.Count - i - 1)))
            {
                simulated.Now = timeline.At(remainingAfter * 2 + currentStepAge, DemoTimeline.StepsMove);
                var innovation = await CurrentAsync(created.InnovationId!.Value, cancellationToken);
                var step = sop.Step(innovation.CurrentStep);
                var actorNip = ActorFor(sop.PelaksanaOf(step), proposer);
                if (action != WorkflowActionKind.ReturnForRevision && step.RequiresOutput)
                {
                    await UploadOutputAsync(innovation.Id, step, demo, idsByNip[actorNip], cancellationToken);
                    innovation = await CurrentAsync(innovation.Id, cancellationToken);
                }
                var result = await workflow.MoveAsync(
                    new MoveCommand(innovation.Id, innovation.Version, action,
                        action == WorkflowActionKind.ReturnForRevision ? "Konsep belum memuat analisis biaya dan jadwal pelaksanaan; mohon dilengkapi." : null),
                    idsByNip[actorNip], cancellationToken);
                if (!result.Succeeded) throw new InvalidOperationException($"Demo move refused: {result.Message}");
            }

            var current = await CurrentAsync(created.InnovationId!.Value, cancellationToken);
            var currentStep = sop.Step(current.CurrentStep);
            if (demo.OutputReady && current.Status == InnovationStatus.Berjalan && currentStep.RequiresOutput)
            {
                simulated.Now = timeline.At(currentStepAge, DemoTimeline.OutputsUploaded);
                await UploadOutputAsync(current.Id, currentStep, demo, idsByNip[ActorFor(sop.PelaksanaOf(currentStep), proposer)], cancellationToken);
            }
        }

        async Task UploadOutputAsync(int innovationId, SopStepDefinition step, DemoInnovation demo, string uploaderId, CancellationToken token)
        {
            using var document = new MemoryStream(DemoDocument.Pdf(step.Output, demo.Title, "Dokumen contoh untuk data demo."));
            var upload = await outputs.UploadAsync(innovationId, $"{step.Output}.pdf", document, uploaderId, cancellationToken: token);
            if (!upload.Succeeded) throw new InvalidOperationException($"Demo upload refused: {upload.Message}");
        }
    }

    /// <summary>The actions that take a new innovation to the demo's step, with one return when asked for.</summary>
    private static List<WorkflowActionKind> PathTo(SopDocument sop, DemoInnovation demo)
    {
        var returnAt = demo.ReturnedOnce
            ? sop.Steps.FirstOrDefault(s => s.ReturnToStep is { } target && (demo.Pace == Pace.Finished || demo.Step >= target))
            : null;
        var returned = false;
        var path = new List<WorkflowActionKind>();
        for (var position = sop.First; position is not null;)
        {
            if (!returned && position == returnAt)
            {
                path.Add(WorkflowActionKind.ReturnForRevision);
                returned = true;
                position = sop.Step(returnAt.ReturnToStep!.Value);
                continue;
            }
            if (position.Number == demo.Step && demo.Pace != Pace.Finished && (returnAt is null || returned)) break;
            path.Add(SopWorkflow.ForwardAction(position));
            position = sop.Next(position.Number);
        }
        return path;
    }

    /// <summary>The demo's second SOP, of another shape: its table as an administrator would paste it.</summary>
    public const string SecondSopSeed = "sop-penanganan-pengaduan.txt";

    /// <summary>What a complaint records besides its title: the second SOP's own item fields.</summary>
    public static readonly IReadOnlyList<ItemFieldDefinition> ComplaintFields =
    [
        new("nama_pelapor", "Nama pelapor", ItemFieldType.Text, Required: true),
        new("kontak_pelapor", "Nomor telepon/WhatsApp pelapor", ItemFieldType.Text, Help: "Untuk mengabarkan tindak lanjut kepada pelapor."),
        new("saluran", "Saluran pengaduan", ItemFieldType.Choice, Required: true, Options: ["Loket", "WhatsApp", "Telepon", "E-mail", "SP4N-LAPOR!"]),
        new("tanggal_pengaduan", "Tanggal pengaduan", ItemFieldType.Date, Required: true),
        new("uraian", "Uraian pengaduan", ItemFieldType.LongText, Required: true),
    ];

    /// <summary>Complaints on the second SOP's board: title, proposer, how many steps they have moved on, and their fields.</summary>
    private static readonly IReadOnlyList<(string Title, string ProposerNip, int MovesDone, string Reporter, string Channel, string Text)> Complaints =
    [
        ("Pengaduan: KIA anak belum terbit setelah 14 hari", "199106142017082002", 0, "Sri Wahyuni", "WhatsApp",
            "KIA anak saya diajukan di loket Capil dua minggu lalu dan belum terbit."),
        ("Pengaduan: data akta kelahiran salah ketik nama ibu", "199106142017082002", 2, "Muhammad Ilham", "Loket",
            "Nama ibu pada akta kelahiran anak saya tertulis Siti Aminha, seharusnya Siti Aminah."),
        ("Pengaduan: antrean loket Capil terlalu panjang", "199106142017082002", 3, "Rina Marlina", "SP4N-LAPOR!",
            "Antrean loket Capil pada hari Senin lebih dari dua jam."),
    ];

    /// <summary>
    /// Imports the second SOP through the importer, as an administrator would (the marks in its table decide the
    /// pelaksana, their names propose the levels), then plays a few complaints through the workflow on its board.
    /// </summary>
    private async Task SeedSecondSopAsync(DemoTimeline timeline, CancellationToken cancellationToken)
    {
        var idsByNip = await UserIdsByNipAsync(cancellationToken);
        var administrator = idsByNip[People.First(p => p.PortalRole == PortalRoles.Administrator).Nip];
        var importer = services.GetRequiredService<Portal.Features.Admin.SopImport.SopImportAdministration>();
        var reading = await importer.ReadTextAsync(ReadSeedText(SecondSopSeed), administrator, cancellationToken);
        var saved = await importer.SaveAsync(reading.Draft ?? throw new InvalidOperationException(reading.Refusal),
            "data demo", administrator, cancellationToken);
        if (saved.DefinitionId is not { } definitionId) throw new InvalidOperationException($"Demo SOP refused: {saved.Result.Message}");
        int sopId;
        Dictionary<string, int> bidangByShortName;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var version = await db.SopDefinitions.SingleAsync(d => d.Id == definitionId, cancellationToken);
            sopId = version.SopId;
            // A pasted table has no item fields: an administrator adds them in the SOP editor, as the demo does here.
            version.FieldsJson = ItemFieldsJson.SerializeDefinitions(ComplaintFields);
            await db.SaveChangesAsync(cancellationToken);
            bidangByShortName = await db.Bidang.ToDictionaryAsync(b => b.ShortName, b => b.Id, cancellationToken);
        }
        var itemFields = services.GetRequiredService<Portal.Features.Innovations.ItemFieldsCreate>();
        var sop = await sops.GetAsync(definitionId, cancellationToken);

        var simulated = new SimulatedClock();
        var workflow = ActivatorUtilities.CreateInstance<WorkflowService>(services, simulated, events);
        var outputs = ActivatorUtilities.CreateInstance<Portal.Features.Outputs.StepOutputs>(services, simulated, events);
        foreach (var (title, proposerNip, movesDone, reporter, channel, text) in Complaints)
        {
            var proposer = People.Single(p => p.Nip == proposerNip);
            simulated.Now = timeline.At(movesDone, DemoTimeline.OfficeOpens);
            var values = new Dictionary<string, string?>
            {
                [Portal.Features.Innovations.ItemFieldsCreate.TitleKey] = title, ["nama_pelapor"] = reporter, ["saluran"] = channel, ["uraian"] = text,
                ["tanggal_pengaduan"] = ItemFieldRules.StoredDate(timeline.LocalDate(simulated.Now)),
            };
            var preparation = await itemFields.PrepareAsync(ComplaintFields,
                new Portal.Features.Innovations.ItemFieldsSubmission(values, new Dictionary<string, Portal.Features.Innovations.ItemFieldUpload>()), cancellationToken: cancellationToken);
            using var prepared = preparation.Prepared
                ?? throw new InvalidOperationException($"Demo fields refused: {string.Join("; ", preparation.Problems.Values)}");
            var created = await workflow.CreateItemAsync(sopId, new SopItemDetails { BidangId = bidangByShortName[proposer.BidangShortName!] },
                idsByNip[proposerNip], prepared, cancellationToken);
            if (!created.Succeeded) throw new InvalidOperationException($"Demo item refused: {created.Message}");
            for (var move = 0; move < movesDone; move++)
            {
                simulated.Now = timeline.At(movesDone - move - 1, DemoTimeline.StepsMove);
                var item = await CurrentAsync(created.InnovationId!.Value, cancellationToken);
                var step = sop.Step(item.CurrentStep);
                var actor = idsByNip[ActorFor(sop.PelaksanaOf(step), proposer)];
                if (step.RequiresOutput)
                {
                    using var document = new MemoryStream(DemoDocument.Pdf(step.Output, title, "Dokumen contoh untuk data demo."));
                    var upload = await outputs.UploadAsync(item.Id, $"{step.Output}.pdf", document, actor, cancellationToken: cancellationToken);
                    if (!upload.Succeeded) throw new InvalidOperationException($"Demo upload refused: {upload.Message}");
                    item = await CurrentAsync(item.Id, cancellationToken);
                }
                var result = await workflow.MoveAsync(new MoveCommand(item.Id, item.Version, SopWorkflow.ForwardAction(step)), actor, cancellationToken);
                if (!result.Succeeded) throw new InvalidOperationException($"Demo move refused: {result.Message}");
            }
        }
    }

    private static string ReadSeedText(string name)
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream($"Portal.Data.Seed.{name}")
            ?? throw new InvalidOperationException($"Seed {name} missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static int CurrentStepAge(SopStepDefinition step, Pace pace)
    {
        var duration = step.Duration?.Value ?? 2;
        return pace switch
        {
            Pace.Late => duration + 3,
            Pace.DueSoon => Math.Max(0, duration - 1),
            _ => 0,
        };
    }

    /// <summary>The demo person who does a step of this pelaksana for this proposer: the proposer at their own level, else the holder in their bidang, else the office-wide holder.</summary>
    private static string ActorFor(SopPelaksana pelaksana, DemoPerson proposer) =>
        proposer.Level == pelaksana.Level ? proposer.Nip
        : (People.FirstOrDefault(p => p.Level == pelaksana.Level && p.BidangShortName == proposer.BidangShortName)
           ?? People.First(p => p.Level == pelaksana.Level && (p.Level == PositionLevel.KepalaDinas || p.BidangShortName is null))).Nip;

    private async Task<Innovation> CurrentAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Innovations.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken);
    }

    private async Task<Dictionary<string, string>> UserIdsByNipAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>
    /// Demo instants are fixed office hours on working days, counted back from the last working day whose demo
    /// hours are already over, so nothing in the demo lies in the future whatever the day or hour of seeding.
    /// </summary>
    private sealed class DemoTimeline(WorkingCalendar calendar, DateTimeOffset now)
    {
        public static readonly TimeOnly OfficeOpens = new(8, 0);
        public static readonly TimeOnly StepsMove = new(10, 0);
        public static readonly TimeOnly OutputsUploaded = new(10, 30);
        private static readonly TimeOnly DemoHoursOver = new(11, 0);

        private readonly DateOnly lastDemoDay = LastDemoDay(calendar, now);

        public DateTimeOffset At(int workingDaysBack, TimeOnly time)
        {
            var day = lastDemoDay;
            while (workingDaysBack > 0)
            {
                day = day.AddDays(-1);
                if (calendar.IsWorkingDay(day)) workingDaysBack--;
            }
            return calendar.Zone.Instant(day, time);
        }

        public DateOnly LocalDate(DateTimeOffset instant) => calendar.LocalDate(instant);

        private static DateOnly LastDemoDay(WorkingCalendar calendar, DateTimeOffset now)
        {
            var local = calendar.Zone.ToLocal(now).DateTime;
            var day = DateOnly.FromDateTime(local);
            if (calendar.IsWorkingDay(day) && TimeOnly.FromDateTime(local) >= DemoHoursOver) return day;
            do day = day.AddDays(-1);
            while (!calendar.IsWorkingDay(day));
            return day;
        }
    }

    private sealed class SimulatedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
