using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Distillery.Augmentation;
using Distillery.Learning;
using Distillery.Methods.GradientMatching.Distances;
using Distillery.Methods.GradientMatching.Matching;
using Distillery.Networks;
using Distillery.Randomness;
using Distillery.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.GradientMatching;

/// <summary>
/// Dataset condensation by gradient matching. Each outer iteration draws a fresh network and alternates, for the
/// IPC's <see cref="LoopSchedule"/>, a matching step — per class, the distance between the network's loss gradient on
/// real images and on the class's synthetic images, whose sum moves the images by one SGD step — with training the
/// network on the synthetic set (skipped after the last step). Labels are fixed: <c>ipc</c> images of each class in
/// class order. Checkpoints every <see cref="GradientMatchingOptions.CheckpointEvery"/> iterations and, when cancelled,
/// keeps the state of the last finished iteration.
/// </summary>
internal abstract class GradientMatchingMethod(INetworkFactory networks, GradientMatchingOptions options, string name) : IDistillationMethod
{
    /// <summary>The augmentation drawn siamese at every matching step and per image when training on the synthetic set.</summary>
    protected abstract AugmentationStrategy Augmentation { get; }

    public async Task<SyntheticSet> DistillAsync(DistillationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var distance = GradientDistances.Parse(options.Distance);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var formation = FormationSetting.Resolve(request, options.Factor, $"Methods:{name}:Factor");
        var run = new Run(request, distance, Augmentation, LoopSchedule.For(request.ImagesPerClass, options.OuterLoop, options.InnerLoop), formation);
        var ipc = request.ImagesPerClass;
        var classes = request.Dataset.NumClasses;
        using var sampler = new ClassBatchSampler(request.Train);
        using var labels = torch.arange(classes, dtype: ScalarType.Int64, device: request.Device).repeat_interleave(ipc);
        using var images = InitialImages(request, sampler, formation).requires_grad_();
        using var optimizer = new MomentumSgd(options.LearningRateImages, options.Momentum, torch.zeros_like(images));

        var state = new MatchingCheckpoint(0, double.NaN);
        using (var stored = await request.Checkpoints.LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (stored is not null)
            {
                state = MatchingCheckpoint.Restore(stored, images, optimizer.Buffer);
            }
        }

        using var task = request.Progress.Start(
            $"{name}: matching gradients, {ipc} per class ({Counted.Of(run.Loops.OuterLoop, "matching step")} × {Counted.Of(run.Loops.InnerLoop, "epoch")} per iteration)",
            options.Iterations);
        task.Advance(state.FinishedIterations);
        var saved = state.FinishedIterations;
        try
        {
            for (var iteration = state.FinishedIterations; iteration < options.Iterations; iteration++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var loss = RunIterationOrRollBack(run, iteration, sampler, images, labels, optimizer, saved, cancellationToken);
                state = new MatchingCheckpoint(iteration + 1, loss);
                task.Advance();
                task.Describe($"{name}: iteration {iteration + 1}/{options.Iterations} · matching loss {loss:F4}");
                if (state.FinishedIterations % options.CheckpointEvery == 0 && state.FinishedIterations < options.Iterations)
                {
                    await request.Checkpoints.SaveAsync(state.ToCheckpoint(images, optimizer.Buffer), cancellationToken).ConfigureAwait(false);
                    saved = state.FinishedIterations;
                }

                await request.Snapshots.OfferAsync(state.FinishedIterations, images, labels, formation, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException stop) when (stop is not RunStoppedException && cancellationToken.IsCancellationRequested)
        {
            throw await StopCheckpoint.KeepAsync(
                request.Checkpoints, state.FinishedIterations, saved, usable: true, () => state.ToCheckpoint(images, optimizer.Buffer), stop, cancellationToken).ConfigureAwait(false);
        }

        var provenance = new SetProvenance
        {
            Method = name,
            Dataset = request.Dataset.Name,
            ImagesPerClass = ipc,
            Architecture = request.Architecture,
            Seed = request.Seed,
            OptionsJson = JsonSerializer.Serialize(options, options.GetType()),
            Metrics = new Dictionary<string, double> { ["loss"] = state.Loss, ["iterations"] = options.Iterations },
        };
        return new SyntheticSet(images.detach().clone(), labels.clone(), provenance) { Formation = formation };
    }

    /// <summary>
    /// Runs one outer iteration; when it is cancelled part-way, puts the images and their momentum back as they were
    /// when it started, so that they are again the state of the last finished iteration.
    /// </summary>
    private double RunIterationOrRollBack(
        Run run,
        int iteration,
        ClassBatchSampler sampler,
        Tensor images,
        Tensor labels,
        MomentumSgd optimizer,
        int lastCheckpoint,
        CancellationToken cancellationToken)
    {
        using var imagesBefore = images.detach().clone();
        using var momentumBefore = optimizer.Buffer.detach().clone();
        try
        {
            return RunIteration(run, iteration, sampler, images, labels, optimizer, lastCheckpoint, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            using var noGrad = torch.no_grad();
            images.copy_(imagesBefore);
            optimizer.Buffer.copy_(momentumBefore);
            throw;
        }
    }

    private double RunIteration(
        Run run,
        int iteration,
        ClassBatchSampler sampler,
        Tensor images,
        Tensor labels,
        MomentumSgd optimizer,
        int lastCheckpoint,
        CancellationToken cancellationToken)
    {
        var request = run.Request;
        using var network = networks.Create(request.Architecture, request.Dataset, SeedSequence.Derive(request.Seed, "network", iteration), request.Device);
        network.train();
        var parameters = network.parameters().Cast<Tensor>().ToList();
        using var realDraws = DeviceDraws.Generator(SeedSequence.Derive(request.Seed, "real batches", iteration), request.Device);
        using var augmentationDraws = DeviceDraws.Generator(SeedSequence.Derive(request.Seed, "augmentation", iteration), request.Device);
        using var batchOrder = DeviceDraws.Generator(SeedSequence.Derive(request.Seed, "synthetic batches", iteration), request.Device);
        using var networkOptimizer = torch.optim.SGD(network.parameters(), options.LearningRateNetwork);
        var siamese = run.Augmentation.IsNone ? null : new SiameseAugmentation(run.Augmentation, augmentationDraws);
        var batchNorm = BatchNormFreezer.For(network);
        var matcher = new GradientMatcher(run.Distance, run.Formation);
        var classes = request.Dataset.NumClasses;

        double lossSum = 0;
        for (var step = 0; step < run.Loops.OuterLoop; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            if (batchNorm is not null)
            {
                var real = Enumerable.Range(0, classes).Select(c => sampler.Draw(c, BatchNormFreezer.ImagesPerClass, realDraws)).ToList();
                batchNorm.Freeze(network, torch.cat(real, 0));
            }

            var gradient = torch.zeros_like(images);
            var loss = matcher.MatchClasses(network, parameters, sampler, images, request.ImagesPerClass, options.BatchReal, realDraws, siamese, gradient);
            if (!double.IsFinite(loss))
            {
                throw new UserErrorException(
                    $"{name}: the matching loss became {loss} at iteration {iteration + 1} of {options.Iterations} (matching step {step + 1}); " +
                    $"the run stopped there. The last checkpoint ({(lastCheckpoint > 0 ? $"after iteration {lastCheckpoint}" : "none yet")}) is kept. " +
                    "Lower LearningRateImages, or check the training data for NaN or infinite values.");
            }

            optimizer.Step(images, gradient);
            lossSum += loss;
            if (step == run.Loops.OuterLoop - 1)
            {
                break;
            }

            // The network trains on the images the set decodes into, as evaluation will.
            var decoded = run.Formation.Decode(images.detach());
            var decodedLabels = run.Formation.DecodeLabels(labels);
            SyntheticTraining.Train(
                network, networkOptimizer, decoded, decodedLabels, run.Loops.InnerLoop, options.BatchTrain, run.Augmentation, batchOrder, augmentationDraws, cancellationToken);
        }

        return lossSum / (classes * run.Loops.OuterLoop);
    }

    private Tensor InitialImages(DistillationRequest request, ClassBatchSampler sampler, Formation formation)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator((ulong)SeedSequence.Derive(request.Seed, "initial images"));
        var info = request.Dataset;
        if (request.InitialImages is { } given)
        {
            return given.detach().to(request.Device).clone().MoveToOuterDisposeScope();
        }

        if (options.Init == "real")
        {
            // With multi-formation each stored image is made of k² real images shrunk to tiles, as IDC starts.
            var perClass = Enumerable.Range(0, info.NumClasses)
                .Select(c => formation.Compose(Real(sampler, c, request.ImagesPerClass * formation.ImagesPerStored, generator)))
                .ToList();
            return torch.cat(perClass, 0).detach().clone().MoveToOuterDisposeScope();
        }

        return torch.randn([(long)info.NumClasses * request.ImagesPerClass, info.Channels, info.Height, info.Width], generator: generator)
            .to(request.Device).MoveToOuterDisposeScope();
    }

    private static Tensor Real(ClassBatchSampler sampler, int label, int count, Generator generator)
    {
        var images = sampler.Draw(label, count, generator);
        if (images.shape[0] < count)
        {
            throw new UserErrorException($"Class {label} has {images.shape[0]} training images; Init=real needs {count}. Use a smaller --ipc or Init=noise.");
        }

        return images;
    }

    private sealed record Run(DistillationRequest Request, IGradientDistance Distance, AugmentationStrategy Augmentation, LoopSchedule Loops, Formation Formation);
}
