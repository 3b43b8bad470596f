-- Stops a batch query that a pause or cancel abandoned; the driver's own cancellation only drops the request.
KILL QUERY WHERE query_id = {queryId:String} ASYNC
