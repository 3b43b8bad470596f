-- Every raw fill row of one wallet (duplicates and non-counting rows included: the reference engine applies the
-- spec's counting rules itself), in the order of Fifo.Core.Model.Fill's constructor.
SELECT
    fill_id AS FillId,
    tx_hash AS TxHash,
    toString(wallet) AS Wallet,
    condition_id AS ConditionId,
    outcome_index AS OutcomeIndex,
    tokens_delta AS TokensDelta,
    usdc_delta AS UsdcDelta,
    event_time AS EventTime,
    toString(source) AS Source,
    toBool(is_maker) AS IsMaker,
    toBool(is_self_fill) AS IsSelfFill,
    block_number AS BlockNumber,
    _version AS Version
FROM {{Fills}}
WHERE wallet = {wallet:String}
