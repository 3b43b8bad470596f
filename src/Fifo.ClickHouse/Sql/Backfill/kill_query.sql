KILL QUERY WHERE query_id = {queryId:String} ASYNC
