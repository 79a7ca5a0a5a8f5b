// One system and one browser for all the browser tests, one test at a time: the machine is small.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
